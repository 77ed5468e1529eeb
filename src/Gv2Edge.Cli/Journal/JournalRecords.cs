using Gv2Edge.Radar.Events;

namespace Gv2Edge.Cli.Journal;

/// <summary>One radar anomaly row (what <c>edge radar</c> reports) as journaled.</summary>
/// <param name="Time">When the radar saw it.</param>
/// <param name="Symbol">Ticker.</param>
/// <param name="Score">Radar score, 0–1.</param>
/// <param name="Types">VOLUME_SPIKE, GAP, VOLATILITY_SURGE.</param>
/// <param name="Payload">Any other fields (gapPct, volumeRatio, ...), camelCase keys; stored as JSON.</param>
public sealed record AnomalyRecord(
    DateTimeOffset Time,
    string Symbol,
    double Score,
    IReadOnlyList<string> Types,
    IReadOnlyDictionary<string, object?>? Payload = null);

/// <summary>One options-flow signal as journaled.</summary>
/// <param name="Time">When it was computed.</param>
/// <param name="Symbol">Underlying ticker.</param>
/// <param name="Type">HIGH_CALL_VOLUME, LOW_PC_RATIO, ...</param>
/// <param name="Score">The symbol's flow score, 0–1 (null when unknown).</param>
/// <param name="Value">Measured value.</param>
/// <param name="Threshold">Threshold crossed.</param>
/// <param name="Reason">Plain words.</param>
/// <param name="Payload">Any other fields, stored as JSON.</param>
public sealed record FlowSignalRecord(
    DateTimeOffset Time,
    string Symbol,
    string Type,
    double? Score,
    double? Value,
    double? Threshold,
    string Reason,
    IReadOnlyDictionary<string, object?>? Payload = null);

/// <summary>A change of the gateway connection's state.</summary>
/// <param name="Time">When it changed.</param>
/// <param name="State">New state (e.g. Connected, Disconnected, Reconnecting).</param>
/// <param name="Detail">Why, in plain words (null when none).</param>
/// <param name="ServerVersion">Server version after a (re)connect, else null.</param>
public sealed record ConnectionChangeRecord(DateTimeOffset Time, string State, string? Detail = null, int? ServerVersion = null);

/// <summary>Status of one alert delivery.</summary>
public enum DeliveryStatus
{
    /// <summary>Not yet accepted by the sink; will be retried.</summary>
    Undelivered,

    /// <summary>The sink acknowledged it (2xx).</summary>
    Delivered,
}

/// <summary>One alert delivery: an event to one sink.</summary>
/// <param name="EventId">The event id, also the idempotency key.</param>
/// <param name="Sink">Sink name (bell, webhook, discord, telegram).</param>
/// <param name="Status">Delivered or not yet.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="LastError">The last failure, secrets masked (null when none).</param>
/// <param name="NextRetry">When the next attempt is due (null once delivered).</param>
public sealed record DeliveryRecord(
    string EventId,
    string Sink,
    DeliveryStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset? NextRetry);

/// <summary>An undelivered alert with its event, as the dispatcher needs it.</summary>
public sealed record PendingDelivery(RadarEvent Event, string Sink, int Attempts, DateTimeOffset NextRetry);

/// <summary>A filter over journaled events. Every part is optional.</summary>
public sealed record JournalQuery
{
    /// <summary>Events at or after this time (null: from the beginning).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only this event type, e.g. VOLUME_SPIKE (case-insensitive; null: all).</summary>
    public string? Type { get; init; }

    /// <summary>Only this symbol (case-insensitive; null: all).</summary>
    public string? Symbol { get; init; }

    /// <summary>At most this many events, the most recent ones, returned oldest first. Default 1000.</summary>
    public int Limit { get; init; } = 1000;
}
