using Gv2Edge.Radar.Anomaly;

namespace Gv2Edge.Radar.Scan;

/// <summary>How a radar scan runs. Every property has a documented default.</summary>
public sealed record RadarScanOptions
{
    /// <summary>Thresholds, scores and the price filter (0.0001–20 by default). Default <see cref="AnomalyOptions"/>.</summary>
    public AnomalyOptions Anomaly { get; init; } = new();

    /// <summary>Volume filter for universes and scanners (never for symbols named explicitly): smallest volume so far today. Default 0 (none).</summary>
    public double MinVolume { get; init; }

    /// <summary>
    /// Whether today's volume counts the extended sessions (IB's day volume does, from 04:00 ET): the baseline then counts the
    /// same hours. Default true.
    /// </summary>
    public bool IncludeExtendedHours { get; init; } = true;

    /// <summary>Sessions averaged for the volume baseline, 1–20 (one month of half-hour bars). Default 20.</summary>
    public int BaselineSessions { get; init; } = 20;

    /// <summary>ATR period in sessions. Default 14.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>
    /// Where the per-trading-day baseline cache lives (contracts and baselines, so a re-scan costs only quotes); null = no
    /// disk cache. Default null (the CLI passes its own directory).
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// Longest a quote line is held, after its first value, waiting for the full set of level-1 values (last, previous
    /// close, volume, high, low); after it the values that arrived are used. Default 2 s.
    /// </summary>
    public TimeSpan QuoteWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest one contract, historical or quote request may wait for its answer (queueing for the client's pacing included) before the symbol is reported as failed. Default 60 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Quote lines used at once; null = every line free for streaming when the scan starts (the reserve stays free for
    /// on-demand requests). Default null.
    /// </summary>
    public int? MaxQuoteLines { get; init; }

    /// <summary>Symbols in flight at once (keeps the client's send queue full without queueing the whole universe). Default 64.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (BaselineSessions < 1 || AtrPeriod < 1 || Concurrency < 1 || MaxQuoteLines < 1)
        {
            throw new ArgumentException("BaselineSessions, AtrPeriod, Concurrency and MaxQuoteLines must be at least 1.");
        }

        if (BaselineSessions > 20 || AtrPeriod >= 20)
        {
            throw new ArgumentException("BaselineSessions can be at most 20 and AtrPeriod at most 19: the baseline comes from one month of half-hour bars.");
        }

        if (QuoteWait <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("QuoteWait and RequestTimeout must be positive.");
        }

        if (!(Anomaly.MinPrice <= Anomaly.MaxPrice) || MinVolume < 0)
        {
            throw new ArgumentException($"The price filter {Anomaly.MinPrice}–{Anomaly.MaxPrice} is empty or the minimum volume {MinVolume} is negative.");
        }
    }
}
