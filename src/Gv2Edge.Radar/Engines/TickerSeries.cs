namespace Gv2Edge.Radar.Engines;

/// <summary>
/// One symbol's ring of samples and the derivative computation over it. A small state machine:
/// <see cref="Update"/>, <see cref="IsReady"/>, <see cref="Reset"/>; no I/O, no allocation after construction.
/// Not thread-safe: <see cref="TickerStateBuffer"/> serialises access.
/// </summary>
public sealed class TickerSeries
{
    private readonly TickerSample[] _ring;
    private readonly TickerBufferOptions _options;
    private int _next;

    /// <summary>Creates an empty series with the buffer's options.</summary>
    public TickerSeries(TickerBufferOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _ring = new TickerSample[options.Capacity];
    }

    /// <summary>Samples held (at most the capacity).</summary>
    public int Count { get; private set; }

    /// <summary>True once <see cref="TickerBufferOptions.MinSamples"/> samples are held.</summary>
    public bool IsReady => Count >= _options.MinSamples;

    /// <summary>Sample <paramref name="age"/> steps back (0 = newest).</summary>
    public TickerSample this[int age] => _ring[(_next - 1 - age + (2 * _ring.Length)) % _ring.Length];

    /// <summary>
    /// Adds a sample. Refused (false) when the price is not a positive number, the volume is negative or not finite,
    /// or the sample is not newer than the last one.
    /// </summary>
    public bool Update(in TickerSample sample)
    {
        if (!(sample.Price > 0) || !double.IsFinite(sample.Price) || !double.IsFinite(sample.PeriodVolume)
            || sample.PeriodVolume < 0 || !(sample.PeriodSeconds > 0) || (Count > 0 && sample.Time <= this[0].Time))
        {
            return false;
        }

        _ring[_next] = sample;
        _next = (_next + 1) % _ring.Length;
        Count = Math.Min(Count + 1, _ring.Length);
        return true;
    }

    /// <summary>Forgets every sample.</summary>
    public void Reset()
    {
        Count = 0;
        _next = 0;
    }

    /// <summary>Derivatives over the newest window against <paramref name="baseline"/>, or the series' own older samples when null.</summary>
    public DerivativeState Compute(BaselineStats? baseline) => DerivativeCalculator.Compute(this, _options, baseline);
}
