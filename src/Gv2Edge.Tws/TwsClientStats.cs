using Gv2Edge.Tws.Connection;
using Gv2Edge.Tws.MarketData;

namespace Gv2Edge.Tws;

/// <summary>The client's health at one instant (what GV2-EDGE's get_connection_stats reported, with real numbers).</summary>
public sealed record TwsClientStats
{
    public ConnectionState State { get; init; }

    /// <summary>Negotiated server version (0 before the first connect).</summary>
    public int ServerVersion { get; init; }

    /// <summary>Start of the current connection, or null when not connected.</summary>
    public DateTimeOffset? ConnectedSince { get; init; }

    /// <summary>Time since <see cref="ConnectedSince"/> (zero when not connected).</summary>
    public TimeSpan Uptime { get; init; }

    /// <summary>Round trip of the last heartbeat (reqCurrentTime → currentTime), or null before the first.</summary>
    public TimeSpan? HeartbeatLatency { get; init; }

    /// <summary>Connections lost after being ready.</summary>
    public long Disconnections { get; init; }

    /// <summary>Connections restored after a loss.</summary>
    public long Reconnections { get; init; }

    /// <summary>How long the last outage lasted (loss to ready again).</summary>
    public TimeSpan? LastDowntime { get; init; }

    public long MessagesIn { get; init; }
    public long MessagesOut { get; init; }

    /// <summary>Incoming messages per second over the last sampling period.</summary>
    public double MessagesInPerSecond { get; init; }

    /// <summary>Outgoing messages per second over the last sampling period.</summary>
    public double MessagesOutPerSecond { get; init; }

    /// <summary>Live market-data subscriptions.</summary>
    public int Subscriptions { get; init; }

    /// <summary>Subscriptions currently marked stale.</summary>
    public int StaleSubscriptions { get; init; }

    /// <summary>Updates the coalescing channel could not take (capacity below the number of subscriptions).</summary>
    public long DroppedUpdateNotices { get; init; }

    /// <summary>Exceptions thrown by on-reader update callbacks (caught and counted).</summary>
    public long CallbackErrors { get; init; }

    /// <summary>Historical requests IB refused for pacing (162) and that were queued again.</summary>
    public long HistoricalPacingRetries { get; init; }

    /// <summary>Market-data lines.</summary>
    public LineBudgetSnapshot Lines { get; init; }
}
