namespace Gv2Edge.Radar.Events;

/// <summary>
/// One event as it leaves the engines: streaming events (VOLUME_SPIKE, PRICE_SURGE, ...), acceleration alerts and
/// radar blips alike. Serialised by the app as the JSON line of <c>edge stream --json</c>
/// (time, symbol, type, value, threshold, reason, session, dataQuality, priority + <see cref="Extra"/>).
/// </summary>
public sealed record RadarEvent
{
    /// <summary>Unique id; also the idempotency key of alert deliveries.</summary>
    public required string Id { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string Symbol { get; init; }

    /// <summary>One of <see cref="EventTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>The measured value (null when the type has none).</summary>
    public double? Value { get; init; }

    /// <summary>The threshold it crossed (null when the type has none).</summary>
    public double? Threshold { get; init; }

    /// <summary>One line, plain words: why it fired.</summary>
    public required string Reason { get; init; }

    /// <summary>"PRE", "RTH", "POST" or "CLOSED".</summary>
    public required string Session { get; init; }

    /// <summary>"live", "frozen", "delayed" or "delayed-frozen".</summary>
    public required string DataQuality { get; init; }

    /// <summary>Hot-list level of the symbol: "HOT", "WARM" or "NORMAL".</summary>
    public string Priority { get; init; } = "NORMAL";

    /// <summary>Type-specific fields (e.g. state, blipPriority, zScore, haltKind), camelCase keys.</summary>
    public IReadOnlyDictionary<string, object?>? Extra { get; init; }
}

/// <summary>The event type names of the CLI contract.</summary>
public static class EventTypes
{
    public const string VolumeSpike = "VOLUME_SPIKE";
    public const string PriceSurge = "PRICE_SURGE";
    public const string PriceDrop = "PRICE_DROP";
    public const string SpreadTightening = "SPREAD_TIGHTENING";
    public const string NewHigh = "NEW_HIGH";
    public const string Halted = "HALTED";
    public const string Resumed = "RESUMED";
    public const string Stale = "STALE";
    public const string Acceleration = "ACCELERATION";
    public const string RadarBlip = "RADAR_BLIP";
}
