using System.Globalization;
using Gv2Edge.Radar.Events;

namespace Gv2Edge.Radar.Engines;

/// <summary>
/// The small-cap radar: every 5 s it reads every buffered symbol through the acceleration engine (one computation
/// per symbol), publishes the engine's ACCELERATION alerts and its own RADAR_BLIP events, each under the
/// engine's state cooldowns. PRICE_SURGE and VOLUME_SPIKE move a symbol's evaluation forward to now; NEW_HIGH adds
/// to its context. One symbol's failure is recorded in the scan result and never stops the scan.
/// </summary>
public sealed class SmallCapRadar : IDisposable
{
    private readonly TickerStateBuffer _buffer;
    private readonly AccelerationEngine _engine;
    private readonly TimeProvider _time;
    private readonly Action<RadarEvent> _publish;
    private readonly Func<string, SymbolContext?> _context;
    private readonly Dictionary<string, DateTimeOffset> _newHighs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Symbol, string Phase), (DateTimeOffset At, DateTimeOffset Sample)> _lastBlip = [];
    private readonly Lock _gate = new();
    private const int MaxEventErrors = 100;
    private readonly List<(string Symbol, string Error)> _eventErrors = [];
    private ITimer? _timer;

    /// <summary>Creates the radar. <paramref name="publish"/> receives every event; <paramref name="context"/> gives universe data (null: none).</summary>
    public SmallCapRadar(
        TickerStateBuffer buffer,
        AccelerationEngine engine,
        TimeProvider time,
        Action<RadarEvent> publish,
        SmallCapRadarOptions? options = null,
        Func<string, SymbolContext?>? context = null)
    {
        _buffer = buffer ?? throw new ArgumentNullException(nameof(buffer));
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _publish = publish ?? throw new ArgumentNullException(nameof(publish));
        _context = context ?? (_ => null);
        Options = options ?? new SmallCapRadarOptions();
    }

    /// <summary>Settings in use.</summary>
    public SmallCapRadarOptions Options { get; }

    /// <summary>The last completed scan, null before the first.</summary>
    public RadarScanResult? LastScan { get; private set; }

    /// <summary>Evaluations triggered by streaming events that failed, with the error, the newest 100 (the scan's own failures are in <see cref="RadarScanResult.Errors"/>).</summary>
    public IReadOnlyList<(string Symbol, string Error)> EventErrors
    {
        get
        {
            lock (_gate)
            {
                return [.. _eventErrors];
            }
        }
    }

    /// <summary>Starts scanning every <see cref="SmallCapRadarOptions.ScanInterval"/>.</summary>
    public void Start()
    {
        _timer?.Dispose();
        _timer = _time.CreateTimer(_ => Scan(), null, Options.ScanInterval, Options.ScanInterval);
    }

    /// <summary>Stops scanning.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>Evaluates every buffered symbol now and publishes what is due.</summary>
    public RadarScanResult Scan()
    {
        var blips = new List<RadarBlip>();
        var errors = new List<(string, string)>();
        var filtered = new List<string>();
        int unscreened = 0;
        IReadOnlyList<string> symbols = _buffer.Symbols;
        foreach (string symbol in symbols)
        {
            try
            {
                (RadarBlip? blip, Screening screening) = EvaluateAndPublish(symbol);
                if (blip is not null)
                {
                    blips.Add(blip);
                }

                if (screening == Screening.FilteredOut)
                {
                    filtered.Add(symbol);
                }
                else if (screening == Screening.Unscreened)
                {
                    unscreened++;
                }
            }
            catch (Exception ex) // one symbol's broken data must not cost the others their scan
            {
                errors.Add((symbol, ex.Message));
            }
        }

        var result = new RadarScanResult
        {
            Time = _time.GetUtcNow(),
            Blips = [.. blips.OrderByDescending(b => b.Priority).ThenByDescending(b => b.RadarScore)],
            SymbolsScanned = symbols.Count,
            Errors = errors,
            FilteredOut = filtered,
            Unscreened = unscreened,
        };
        LastScan = result;
        return result;
    }

    /// <summary>
    /// Takes a streaming event: PRICE_SURGE and VOLUME_SPIKE evaluate that symbol now (the blip, if any, is
    /// returned and published); NEW_HIGH is remembered as context. Other types are ignored.
    /// </summary>
    public RadarBlip? OnStreamingEvent(RadarEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e.Type)
        {
            case EventTypes.NewHigh:
                lock (_gate)
                {
                    _newHighs[e.Symbol] = e.Time;
                }

                return null;
            case EventTypes.PriceSurge or EventTypes.VolumeSpike:
                try
                {
                    return EvaluateAndPublish(e.Symbol).Blip;
                }
                catch (Exception ex) // the caller is the streaming event loop: one broken symbol must not end it
                {
                    lock (_gate)
                    {
                        if (_eventErrors.Count == MaxEventErrors)
                        {
                            _eventErrors.RemoveAt(0);
                        }

                        _eventErrors.Add((e.Symbol, ex.Message));
                    }

                    return null;
                }

            default:
                return null;
        }
    }

    /// <summary>The symbol's blip now without publishing anything, or null (filtered out, too quiet, too few samples).</summary>
    public RadarBlip? Evaluate(string symbol) => Evaluate(symbol, _engine.Score(symbol), _context(symbol));

    private (RadarBlip? Blip, Screening Screening) EvaluateAndPublish(string symbol)
    {
        AccelerationScore score = _engine.Score(symbol);
        SymbolContext? context = _context(symbol);
        if (score.Derivatives.Samples == 0)
        {
            // Only a baseline so far: no price to screen, nothing to see.
            return (null, Screening.NoSample);
        }

        if (!PassesFilters(score.Derivatives.Price, context))
        {
            return (null, Screening.FilteredOut);
        }

        if (_engine.Evaluate(symbol, score) is { } alert)
        {
            _publish(alert);
        }

        RadarBlip? blip = Evaluate(symbol, score, context);
        if (blip is not null && blip.Priority >= Options.MinEventPriority && Due(blip, score.State))
        {
            _publish(ToEvent(blip));
        }

        return (blip, context?.MarketCap is null || context.Float is null ? Screening.Unscreened : Screening.Screened);
    }

    private RadarBlip? Evaluate(string symbol, in AccelerationScore a, SymbolContext? ctx)
    {
        DerivativeState d = a.Derivatives;
        (double minAcc, double minVz, double minConf) = Options.Thresholds;
        if (!d.IsReady || !PassesFilters(d.Price, ctx)
            || (a.State == AccelerationState.Dormant && a.Score < 0.1) || d.Confidence < minConf)
        {
            return null;
        }

        DateTimeOffset now = _time.GetUtcNow();
        double context = ContextScore(ctx, RecentNewHigh(symbol, now));
        double gap = GapQuality(d.Latest);
        double radarScore = RadarScore(a.Score, d.VolumeZ, context, gap);
        (BlipPriority priority, string phase) = a.State switch
        {
            AccelerationState.Breakout => (BlipPriority.Critical, "BREAKOUT"),
            AccelerationState.Launching => (BlipPriority.Critical, "LAUNCHING"),
            _ when a.Readiness >= 0.5 && d.VolumeZ >= minVz => (BlipPriority.High, "PRE_LAUNCH"),
            AccelerationState.Accumulating when a.Accumulation >= minAcc => (BlipPriority.Medium, "ACCUMULATING"),
            _ when radarScore > 0.15 => (BlipPriority.Low, "WATCHING"),
            _ => (BlipPriority.None, ""),
        };
        if (priority == BlipPriority.None)
        {
            return null;
        }

        return new RadarBlip
        {
            Symbol = symbol,
            Time = now,
            Priority = priority,
            DetectionPhase = phase,
            RadarScore = radarScore,
            Acceleration = a,
            Context = Math.Min(1, context),
            GapQuality = gap,
            EstimatedTimeToMove = TimeToMove(a),
            Confidence = d.Confidence,
        };
    }

    private bool PassesFilters(double price, SymbolContext? ctx) => Options.Admits(price, ctx);

    private enum Screening
    {
        NoSample,
        Screened,
        Unscreened,
        FilteredOut,
    }

    /// <summary>0.50·acceleration score + 0.20·clip(volume z / 4, 0, 1) + 0.15·min(1, context) + 0.15·gap quality.</summary>
    public static double RadarScore(double accelerationScore, double volumeZ, double context, double gapQuality) =>
        (0.50 * accelerationScore) + (0.20 * Math.Clamp(volumeZ / 4, 0, 1)) + (0.15 * Math.Min(1, context)) + (0.15 * gapQuality);

    /// <summary>
    /// Context before the cap: 0.5 catalyst + 0.3 repeat gainer + 0.2 float under 20 M (0.1 under 50 M) + 0.2 when a
    /// NEW_HIGH came within <see cref="SmallCapRadarOptions.NewHighMemory"/>.
    /// </summary>
    public static double ContextScore(SymbolContext? ctx, bool recentNewHigh)
    {
        double c = (ctx?.CatalystActive == true ? 0.5 : 0) + (ctx?.RepeatGainer == true ? 0.3 : 0);
        c += ctx?.Float switch { < 20e6 => 0.2, < 50e6 => 0.1, _ => 0 };
        return recentNewHigh ? c + 0.2 : c;
    }

    private bool RecentNewHigh(string symbol, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _newHighs.TryGetValue(symbol, out DateTimeOffset high) && now - high <= Options.NewHighMemory;
        }
    }

    /// <summary>
    /// Gap quality (ours; the original took it from a pre-market scanner): 0 without an up-gap, else
    /// min(1, gap% / FullQualityGapPct), halved when the price is below VWAP (the gap is not holding).
    /// </summary>
    private double GapQuality(in TickerSample s)
    {
        if (!(s.PrevClose > 0) || !(s.Price > s.PrevClose))
        {
            return 0;
        }

        double q = Math.Min(1, (s.Price - s.PrevClose) / s.PrevClose * 100.0 / Options.FullQualityGapPct);
        return s.Vwap > 0 && s.Price < s.Vwap ? q * 0.5 : q;
    }

    /// <summary>The original's ladder: NOW, 0-2 min, 1-5 min (readiness &gt; 0.6), 3-10 min (accumulation &gt; 0.6), 5-15 min, 15+ min.</summary>
    public static string TimeToMove(in AccelerationScore a) => a.State switch
    {
        AccelerationState.Breakout => "NOW",
        AccelerationState.Launching => "0-2 min",
        _ when a.Readiness > 0.6 => "1-5 min",
        _ when a.Accumulation > 0.6 => "3-10 min",
        AccelerationState.Accumulating => "5-15 min",
        _ => "15+ min",
    };

    private bool Due(RadarBlip blip, AccelerationState state)
    {
        lock (_gate)
        {
            var key = (blip.Symbol, blip.DetectionPhase);
            // As for acceleration alerts: after the cooldown, only a new buffered sample can blip again.
            DateTimeOffset sample = blip.Acceleration.Derivatives.Latest.Time;
            if (_lastBlip.TryGetValue(key, out var last)
                && (blip.Time - last.At < _engine.Options.CooldownFor(state) || sample <= last.Sample))
            {
                return false;
            }

            _lastBlip[key] = (blip.Time, sample);
            return true;
        }
    }

    private static RadarEvent ToEvent(RadarBlip b)
    {
        DerivativeState d = b.Acceleration.Derivatives;
        return new RadarEvent
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"RADAR_BLIP:{b.Symbol}:{b.DetectionPhase}:{b.Time.ToUnixTimeMilliseconds()}"),
            Time = b.Time,
            Symbol = b.Symbol,
            Type = EventTypes.RadarBlip,
            Value = b.RadarScore,
            Reason = string.Create(
                CultureInfo.InvariantCulture,
                $"{b.DetectionPhase}: radar score {b.RadarScore:0.00}, acceleration {b.Acceleration.Score:0.00}, volume {d.VolumeZ:0.0}σ, move expected {b.EstimatedTimeToMove}"),
            Session = d.Latest.Session ?? "CLOSED",
            DataQuality = d.Latest.DataQuality ?? "live",
            Extra = new Dictionary<string, object?>
            {
                ["state"] = b.Acceleration.State.Name(),
                ["blipPriority"] = b.Priority.ToString().ToUpperInvariant(),
                ["detectionPhase"] = b.DetectionPhase,
                ["radarScore"] = b.RadarScore,
                ["accelerationScore"] = b.Acceleration.Score,
                ["volumeZ"] = d.VolumeZ,
                ["priceZ"] = d.PriceZ,
                ["gapQuality"] = b.GapQuality,
                ["context"] = b.Context,
                ["estimatedTimeToMove"] = b.EstimatedTimeToMove,
                ["confidence"] = b.Confidence,
            },
        };
    }
}
