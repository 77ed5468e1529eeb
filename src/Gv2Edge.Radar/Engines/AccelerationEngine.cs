using System.Globalization;
using Gv2Edge.Radar.Events;

namespace Gv2Edge.Radar.Engines;

/// <summary>
/// Reads the buffer's derivatives, classifies each symbol (<see cref="AccelerationClassifier"/>) and raises
/// ACCELERATION events (alert types ACCUMULATING, PRE_LAUNCH, BREAKOUT), each at most once per cooldown of the
/// symbol's current state (15 s BREAKOUT, 30 s LAUNCHING, 60 s ACCUMULATING, 120 s otherwise). Thread-safe.
/// </summary>
public sealed class AccelerationEngine
{
    private readonly TickerStateBuffer _buffer;
    private readonly TimeProvider _time;
    private readonly Dictionary<(string Symbol, string Alert), (DateTimeOffset At, DateTimeOffset Sample)> _lastAlert = [];
    private readonly Lock _gate = new();

    /// <summary>Creates the engine over <paramref name="buffer"/>; <paramref name="options"/> defaults to the original's thresholds.</summary>
    public AccelerationEngine(TickerStateBuffer buffer, TimeProvider time, AccelerationOptions? options = null)
    {
        _buffer = buffer ?? throw new ArgumentNullException(nameof(buffer));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Options = options ?? new AccelerationOptions();
    }

    /// <summary>The thresholds in use.</summary>
    public AccelerationOptions Options { get; }

    /// <summary>The symbol's current score and state.</summary>
    public AccelerationScore Score(string symbol) => AccelerationClassifier.Classify(_buffer.GetDerivatives(symbol), Options);

    /// <summary>Scores the symbol and returns an alert event when one is due (null otherwise).</summary>
    public RadarEvent? Evaluate(string symbol) => Evaluate(symbol, Score(symbol));

    /// <summary>Returns an alert event for an already computed score when one is due (null otherwise).</summary>
    public RadarEvent? Evaluate(string symbol, in AccelerationScore score)
    {
        DerivativeState d = score.Derivatives;
        if (d.Samples < Options.MinSamplesForAlert || d.Confidence < Options.MinConfidenceForAlert)
        {
            return null;
        }

        (string Alert, string Urgency, double Confidence, double Value, double Threshold)? alert = score.State switch
        {
            AccelerationState.Breakout => ("BREAKOUT", "CRITICAL", Math.Min(1, d.Confidence * 1.2), d.PriceZ, Options.BreakoutPriceZ),
            AccelerationState.Launching => ("PRE_LAUNCH", "HIGH", d.Confidence * score.Readiness, score.Readiness, Options.LaunchReadiness),
            AccelerationState.Accumulating when score.Accumulation >= Options.AccumulationMinScore =>
                ("ACCUMULATING", "MEDIUM", d.Confidence * score.Accumulation, score.Accumulation, Options.AccumulationMinScore),
            _ => null,
        };
        if (alert is not { } a)
        {
            return null;
        }

        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            // Past the cooldown, the same alert comes again only on a new buffered sample: re-scoring the same sample
            // (the radar asks every 5 s, samples come every minute) would repeat the very same numbers.
            if (_lastAlert.TryGetValue((symbol, a.Alert), out var last)
                && (now - last.At < Options.CooldownFor(score.State) || d.Latest.Time <= last.Sample))
            {
                return null;
            }

            _lastAlert[(symbol, a.Alert)] = (now, d.Latest.Time);
        }

        return new RadarEvent
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"ACCELERATION:{symbol}:{a.Alert}:{now.ToUnixTimeMilliseconds()}"),
            Time = now,
            Symbol = symbol,
            Type = EventTypes.Acceleration,
            Value = a.Value,
            Threshold = a.Threshold,
            Reason = Reason(a.Alert, d),
            Session = d.Latest.Session ?? "CLOSED",
            DataQuality = d.Latest.DataQuality ?? "live",
            Extra = new Dictionary<string, object?>
            {
                ["state"] = score.State.Name(),
                ["alertType"] = a.Alert,
                ["blipPriority"] = a.Urgency,
                ["score"] = score.Score,
                ["confidence"] = a.Confidence,
                ["accumulation"] = score.Accumulation,
                ["readiness"] = score.Readiness,
                ["volumeZ"] = d.VolumeZ,
                ["priceZ"] = d.PriceZ,
                ["priceVelocityPctPerMin"] = d.PriceVelocityPctPerMin,
                ["volumePerMinute"] = d.VolumePerMinute,
                ["baseline"] = d.BaselineSource,
            },
        };
    }

    /// <summary>Evaluates every buffered symbol; one symbol's failure never stops the others.</summary>
    public IReadOnlyList<RadarEvent> ScanAll()
    {
        var events = new List<RadarEvent>();
        foreach (string symbol in _buffer.Symbols)
        {
            try
            {
                if (Evaluate(symbol) is { } e)
                {
                    events.Add(e);
                }
            }
            catch (Exception) // a broken symbol is skipped; the next scan tries again
            {
            }
        }

        return events;
    }

    /// <summary>Forgets the symbol's cooldowns.</summary>
    public void Reset(string symbol)
    {
        lock (_gate)
        {
            foreach ((string Symbol, string Alert) key in _lastAlert.Keys.Where(k => k.Symbol == symbol).ToList())
            {
                _lastAlert.Remove(key);
            }
        }
    }

    private static string Reason(string alert, in DerivativeState d) => string.Create(
        CultureInfo.InvariantCulture,
        $"{alert}: volume {d.VolumePerMinute:0} sh/min ({d.VolumeZ:0.0}σ vs its own {d.BaselineSource} baseline), price {d.PriceChangePct:+0.00;-0.00}% over {d.WindowMinutes:0.#} min ({d.PriceVelocityPctPerMin:+0.00;-0.00}%/min, {d.PriceZ:0.0}σ)");
}
