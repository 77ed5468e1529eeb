namespace Gv2Edge.Radar.Engines;

/// <summary>
/// Per-symbol sample buffers on a fixed clock, with per-symbol time-of-day baselines. Fed by
/// <see cref="BufferSampler"/> from the state store; read by the acceleration engine and the small-cap radar.
/// Thread-safe (one lock; every operation is short).
/// </summary>
public sealed class TickerStateBuffer
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates a buffer; <paramref name="options"/> defaults to <see cref="TickerBufferOptions"/>' defaults.</summary>
    public TickerStateBuffer(TickerBufferOptions? options = null)
    {
        Options = options ?? new TickerBufferOptions();
        Options.Validate();
    }

    /// <summary>The buffer's settings.</summary>
    public TickerBufferOptions Options { get; }

    /// <summary>Adds a sample for <paramref name="symbol"/>; false when the sample was refused (see <see cref="TickerSeries.Update"/>).</summary>
    public bool Push(string symbol, in TickerSample sample)
    {
        lock (_gate)
        {
            return GetOrAdd(symbol).Series.Update(sample);
        }
    }

    /// <summary>Sets the symbol's baseline built from its own 1-minute bars (see <see cref="IntradayBaseline.FromMinuteBars"/>).</summary>
    public void SetBaseline(string symbol, IntradayBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        lock (_gate)
        {
            GetOrAdd(symbol).Baseline = baseline;
        }
    }

    /// <summary>The symbol's derivatives now; a not-ready state with 0 samples for an unknown symbol.</summary>
    public DerivativeState GetDerivatives(string symbol)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(symbol, out Entry? e))
            {
                return new DerivativeState { BaselineSource = "none" };
            }

            BaselineStats? stats = e.Series.Count > 0 ? e.Baseline?.At(e.Series[0].Time) : null;
            return e.Series.Compute(stats);
        }
    }

    /// <summary>The newest <paramref name="lastN"/> samples (all when 0), oldest first.</summary>
    public IReadOnlyList<TickerSample> GetSamples(string symbol, int lastN = 0)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(symbol, out Entry? e))
            {
                return [];
            }

            int take = lastN <= 0 ? e.Series.Count : Math.Min(lastN, e.Series.Count);
            var list = new TickerSample[take];
            for (int i = 0; i < take; i++)
            {
                list[take - 1 - i] = e.Series[i];
            }

            return list;
        }
    }

    /// <summary>Symbols with at least one sample or a baseline.</summary>
    public IReadOnlyList<string> Symbols
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Keys];
            }
        }
    }

    /// <summary>True when the symbol has a bar baseline.</summary>
    public bool HasBaseline(string symbol)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(symbol, out Entry? e) && e.Baseline is not null;
        }
    }

    /// <summary>Forgets one symbol (samples and baseline).</summary>
    public bool Remove(string symbol)
    {
        lock (_gate)
        {
            return _entries.Remove(symbol);
        }
    }

    /// <summary>Forgets every symbol.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    private Entry GetOrAdd(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (!_entries.TryGetValue(symbol, out Entry? e))
        {
            e = new Entry(new TickerSeries(Options));
            _entries.Add(symbol, e);
        }

        return e;
    }

    private sealed class Entry(TickerSeries series)
    {
        public TickerSeries Series { get; } = series;

        public IntradayBaseline? Baseline { get; set; }
    }
}
