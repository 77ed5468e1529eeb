namespace Gv2Edge.Radar.Streaming;

/// <summary>
/// Settings of the streaming engine, its subscription manager and hot list. Names follow the guide's config.py
/// (IBKR_MAX_SUBSCRIPTIONS 200, batches of 10 every 0.5 s, stale after 300 s, HOT/WARM/NORMAL TTL 4 h/2 h/1 h).
/// Detector thresholds live in <see cref="Detectors.DetectorOptions"/>.
/// </summary>
public sealed record StreamingOptions
{
    /// <summary>Configured maximum of persistent subscriptions; the cap is the smaller of this and the line budget. Default 200.</summary>
    public int MaxSubscriptions { get; init; } = 200;

    /// <summary>Subscription requests sent per batch. Default 10.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>Pause between batches. Default 0.5 s.</summary>
    public TimeSpan BatchDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// A subscription that could not go out for a passing reason (no line free at that moment, connection down) is
    /// re-requested after this; it keeps its place meanwhile. Default 5 s.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A subscription with no update for this long during regular hours is stale (evicted first). Default 5 min.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>HOT entries expire after this. Default 4 h.</summary>
    public TimeSpan HotTtl { get; init; } = TimeSpan.FromHours(4);

    /// <summary>WARM entries expire after this. Default 2 h.</summary>
    public TimeSpan WarmTtl { get; init; } = TimeSpan.FromHours(2);

    /// <summary>NORMAL entries expire after this. Default 1 h.</summary>
    public TimeSpan NormalTtl { get; init; } = TimeSpan.FromHours(1);

    /// <summary>VOLUME_SPIKE at or above this ratio promotes to HOT (below: WARM). Default 3.</summary>
    public double HotVolumeRatio { get; init; } = 3.0;

    /// <summary>PRICE_SURGE at or above this percent promotes to HOT (below: WARM). Default 3.</summary>
    public double HotSurgePct { get; init; } = 3.0;

    /// <summary>Capacity of each consumer's event channel; overflow is counted, never blocks. Default 1,024.</summary>
    public int ChannelCapacity { get; init; } = 1024;

    /// <summary>Hot-list file (JSON, written atomically); null keeps the list in memory only. Default null.</summary>
    public string? HotListPath { get; init; }

    /// <summary>Fallback mode: each symbol is snapshotted this often. Default 5 s.</summary>
    public TimeSpan SnapshotInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Fallback mode: snapshot requests per second at most (IB allows 50 messages/s overall). Default 20.</summary>
    public double SnapshotsPerSecond { get; init; } = 20;

    /// <summary>Throws <see cref="ArgumentException"/> with a plain message when a value makes no sense.</summary>
    public void Validate()
    {
        if (MaxSubscriptions < 1 || BatchSize < 1 || ChannelCapacity < 1)
        {
            throw new ArgumentException("Streaming options: MaxSubscriptions, BatchSize and ChannelCapacity must be at least 1.");
        }

        if (BatchDelay < TimeSpan.Zero || RetryDelay <= TimeSpan.Zero || StaleAfter <= TimeSpan.Zero || HotTtl <= TimeSpan.Zero || WarmTtl <= TimeSpan.Zero || NormalTtl <= TimeSpan.Zero)
        {
            throw new ArgumentException("Streaming options: delays and TTLs must be positive.");
        }

        if (SnapshotInterval <= TimeSpan.Zero || !(SnapshotsPerSecond > 0))
        {
            throw new ArgumentException("Streaming options: SnapshotInterval and SnapshotsPerSecond must be positive.");
        }
    }

    /// <summary>TTL of a priority.</summary>
    public TimeSpan TtlOf(HotPriority priority) => priority switch
    {
        HotPriority.Hot => HotTtl,
        HotPriority.Warm => WarmTtl,
        _ => NormalTtl,
    };
}
