using Gv2Edge.Radar.State;

namespace Gv2Edge.Radar.Engines;

/// <summary>
/// Takes one sample per symbol on the buffer's fixed clock (aligned to multiples of the interval, e.g. whole
/// minutes), from the state store's snapshots: never per tick. Period volume is the difference of the day's
/// cumulative volume between two samples; the first sighting of a symbol only sets the reference. A broken
/// snapshot is counted and skipped; it never stops the others.
/// </summary>
public sealed class BufferSampler : IDisposable
{
    private readonly TickerStateBuffer _buffer;
    private readonly ISnapshotSource _source;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, VolumeReference> _references = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private ITimer? _timer;

    /// <summary>Creates a sampler writing into <paramref name="buffer"/> at its <see cref="TickerBufferOptions.SampleInterval"/>.</summary>
    public BufferSampler(TickerStateBuffer buffer, ISnapshotSource source, TimeProvider time)
    {
        _buffer = buffer ?? throw new ArgumentNullException(nameof(buffer));
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Raised after each sampling round with the round's time (e.g. to let the acceleration engine scan).</summary>
    public event Action<DateTimeOffset>? Sampled;

    /// <summary>Snapshots skipped because they were unusable (no price, bad volume, a throwing source).</summary>
    public long Rejected { get; private set; }

    /// <summary>Samples pushed into the buffer.</summary>
    public long Pushed { get; private set; }

    /// <summary>Starts the clock; the first round runs at the next multiple of the interval.</summary>
    public void Start()
    {
        TimeSpan interval = _buffer.Options.SampleInterval;
        long ticks = _time.GetUtcNow().UtcTicks % interval.Ticks;
        TimeSpan due = ticks == 0 ? interval : TimeSpan.FromTicks(interval.Ticks - ticks);
        _timer?.Dispose();
        _timer = _time.CreateTimer(_ => SampleOnce(), null, due, interval);
    }

    /// <summary>Runs one sampling round now (what the timer calls).</summary>
    public void SampleOnce()
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            IEnumerable<SymbolSnapshot> snapshots;
            try
            {
                snapshots = _source.GetSnapshots().ToList();
            }
            catch (Exception) // a failing store must not kill the clock; the round is counted as rejected
            {
                Rejected++;
                return;
            }

            foreach (SymbolSnapshot snap in snapshots)
            {
                Take(snap, now);
            }
        }

        Sampled?.Invoke(now);
    }

    /// <summary>Stops the clock.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private void Take(in SymbolSnapshot snap, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(snap.Symbol) || !double.IsFinite(snap.CumulativeVolume) || snap.CumulativeVolume < 0)
        {
            Rejected++;
            return;
        }

        double price = PriceOf(snap);
        DateOnly day = ExchangeClock.Date(now);
        if (!_references.TryGetValue(snap.Symbol, out VolumeReference reference))
        {
            _references[snap.Symbol] = new VolumeReference(snap.CumulativeVolume, now, day);
            return;
        }

        // A new day (or a reset of IB's counter) restarts the count from zero.
        double period = day != reference.Day || snap.CumulativeVolume < reference.Cumulative
            ? snap.CumulativeVolume
            : snap.CumulativeVolume - reference.Cumulative;
        if (!(price > 0))
        {
            Rejected++; // keep the old reference: the next good sample's period covers the gap
            return;
        }

        _references[snap.Symbol] = new VolumeReference(snap.CumulativeVolume, now, day);
        var sample = new TickerSample(
            now,
            price,
            period,
            (now - reference.Time).TotalSeconds,
            Finite(snap.Bid),
            Finite(snap.Ask),
            TickerSample.SpreadPercent(snap.Bid, snap.Ask),
            Finite(snap.Vwap),
            Finite(snap.PrevClose),
            snap.Session ?? "CLOSED",
            snap.DataQuality ?? "live");
        if (_buffer.Push(snap.Symbol, sample))
        {
            Pushed++;
        }
        else
        {
            Rejected++;
        }
    }

    private static double PriceOf(in SymbolSnapshot s)
    {
        if (s.Last > 0 && double.IsFinite(s.Last))
        {
            return s.Last;
        }

        return s.Bid > 0 && s.Ask >= s.Bid && double.IsFinite(s.Ask) ? (s.Bid + s.Ask) / 2 : double.NaN;
    }

    private static double Finite(double v) => double.IsFinite(v) && v > 0 ? v : double.NaN;

    private readonly record struct VolumeReference(double Cumulative, DateTimeOffset Time, DateOnly Day);
}
