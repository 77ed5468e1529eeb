using Gv2Edge.Radar.Events;

namespace Gv2Edge.Cli.Journal;

/// <summary>The kinds of rows a journal holds, as <c>edge journal</c> names them.</summary>
public enum JournalKind
{
    /// <summary>Streaming and engine events (<c>events</c>).</summary>
    Event,

    /// <summary>Radar anomalies and gap rows (<c>anomalies</c>).</summary>
    Anomaly,

    /// <summary>Options-flow signals (<c>flow_signals</c>).</summary>
    Flow,

    /// <summary>Connection changes (<c>connection_changes</c>).</summary>
    Connection,

    /// <summary>Alert deliveries (<c>alert_deliveries</c>).</summary>
    Alert,
}

/// <summary>One alert delivery with what it delivers, as <c>edge journal</c> lists it.</summary>
/// <param name="Delivery">The delivery.</param>
/// <param name="Symbol">The event's symbol.</param>
/// <param name="Type">The event's type.</param>
/// <param name="Created">When the delivery was queued.</param>
/// <param name="Updated">Its last change (an attempt, delivery): the entry's time.</param>
public sealed record AlertEntry(DeliveryRecord Delivery, string Symbol, string Type, DateTimeOffset Created, DateTimeOffset Updated);

/// <summary>One row of any kind, in time order with the others.</summary>
/// <param name="Kind">Which table it comes from.</param>
/// <param name="Time">When it happened.</param>
/// <param name="Item">A <see cref="RadarEvent"/>, <see cref="AnomalyRecord"/>, <see cref="FlowSignalRecord"/>, <see cref="ConnectionChangeRecord"/> or <see cref="AlertEntry"/>.</param>
public sealed record JournalEntry(JournalKind Kind, DateTimeOffset Time, object Item)
{
    /// <summary>The word used in output (<c>kind</c> field) and accepted by <c>--type</c>.</summary>
    public string KindWord => JournalKinds.Word(Kind);
}

/// <summary>Kind names.</summary>
public static class JournalKinds
{
    /// <summary>All kinds.</summary>
    public static readonly IReadOnlyList<JournalKind> All = Enum.GetValues<JournalKind>();

    /// <summary>The output word of a kind: event, anomaly, flow, connection, alert.</summary>
    public static string Word(JournalKind kind) => kind switch
    {
        JournalKind.Event => "event",
        JournalKind.Anomaly => "anomaly",
        JournalKind.Flow => "flow",
        JournalKind.Connection => "connection",
        _ => "alert",
    };

    /// <summary>The kind a <c>--type</c> value names (singular or plural), or null when it is a type, not a kind.</summary>
    public static JournalKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "event" or "events" => JournalKind.Event,
        "anomaly" or "anomalies" => JournalKind.Anomaly,
        "flow" or "flows" or "flow-signals" => JournalKind.Flow,
        "connection" or "connections" => JournalKind.Connection,
        "alert" or "alerts" or "deliveries" => JournalKind.Alert,
        _ => null,
    };
}

/// <summary>A filter over every kind of journal row. Every part is optional.</summary>
public sealed record JournalEntryQuery
{
    /// <summary>Rows at or after this time (null: from the beginning).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Kinds to read. Default all.</summary>
    public IReadOnlyCollection<JournalKind> Kinds { get; init; } = JournalKinds.All;

    /// <summary>
    /// Only rows of this type (case-insensitive; null: all): an event's type, one of an anomaly's types, a flow
    /// signal's type, a connection's new state, the type of the event an alert delivers.
    /// </summary>
    public string? Type { get; init; }

    /// <summary>Only this symbol (case-insensitive; null: all). Connection changes have none: a symbol filter leaves them out.</summary>
    public string? Symbol { get; init; }

    /// <summary>At most this many rows, the most recent ones, returned oldest first. Default 1000.</summary>
    public int Limit { get; init; } = 1000;
}
