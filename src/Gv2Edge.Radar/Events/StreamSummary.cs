namespace Gv2Edge.Radar.Events;

/// <summary>The final SUMMARY line of <c>edge stream</c>: ticks, events by type, subscriptions, evictions, reconnects, droppedEvents.</summary>
public sealed record StreamSummary
{
    public long Ticks { get; init; }

    /// <summary>Events emitted, by type.</summary>
    public required IReadOnlyDictionary<string, long> Events { get; init; }

    /// <summary>Subscriptions held at the time of the summary.</summary>
    public int Subscriptions { get; init; }

    /// <summary>Requests still waiting for a line.</summary>
    public int Queued { get; init; }

    public long Evictions { get; init; }

    public long Reconnects { get; init; }

    /// <summary>Events a full consumer channel could not take (over all consumers).</summary>
    public long DroppedEvents { get; init; }

    /// <summary>Events held back by the per-symbol cooldown.</summary>
    public long SuppressedByCooldown { get; init; }

    /// <summary>Immediate-scan hook calls that failed or could not be queued.</summary>
    public long ScanFailures { get; init; }

    /// <summary>True when the engine ran on paced snapshots instead of subscriptions.</summary>
    public bool FallbackMode { get; init; }
}
