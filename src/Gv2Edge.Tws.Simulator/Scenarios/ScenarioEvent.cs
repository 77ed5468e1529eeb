namespace Gv2Edge.Tws.Simulator.Scenarios;

/// <summary>What a scripted event does to one symbol.</summary>
public enum ScenarioEventKind
{
    /// <summary>The price jumps by <see cref="ScenarioEvent.Percent"/> at once (volume ×3 for 5 minutes).</summary>
    Gap,

    /// <summary>Volume runs at <see cref="ScenarioEvent.Multiplier"/> times normal for the duration.</summary>
    VolumeBurst,

    /// <summary>The price drifts by <see cref="ScenarioEvent.Percent"/> over the duration on heavy volume.</summary>
    PriceSurge,

    /// <summary>The spread shrinks by <see cref="ScenarioEvent.Multiplier"/> with deeper sizes for the duration.</summary>
    SpreadTightening,

    /// <summary>The price climbs <see cref="ScenarioEvent.Percent"/> above the day's high within a minute.</summary>
    NewHigh,

    /// <summary>Trading halts (tick 49 = 1) for the duration, then resumes, moving by <see cref="ScenarioEvent.Percent"/>.</summary>
    Halt,

    /// <summary><see cref="ScenarioEvent.Contracts"/> call contracts trade at one strike over the duration.</summary>
    CallVolumeBurst,

    /// <summary><see cref="ScenarioEvent.Contracts"/> put contracts trade at one strike (default: the first below spot) over the duration.</summary>
    PutVolumeBurst,
}

/// <summary>One scripted event on the market model.</summary>
/// <param name="At">Exchange-local (New York) time the event starts.</param>
/// <param name="Symbol">The stock it applies to.</param>
/// <param name="Kind">What happens.</param>
/// <param name="Percent">Price move in percent (gap, surge, new high, move on resume).</param>
/// <param name="Multiplier">Volume multiple (burst) or spread divisor (tightening); default 5.</param>
/// <param name="Duration">How long the effect lasts; default 5 minutes.</param>
/// <param name="Strike">Call strike for a call-volume burst (null: the first strike above spot).</param>
/// <param name="Expiry">Expiry yyyyMMdd for a call-volume burst (null: the nearest).</param>
/// <param name="Contracts">Contracts traded in a call-volume burst; default 5000.</param>
public sealed record ScenarioEvent(
    DateTime At,
    string Symbol,
    ScenarioEventKind Kind,
    double Percent = 0,
    double Multiplier = 5,
    TimeSpan? Duration = null,
    double? Strike = null,
    string? Expiry = null,
    long Contracts = 5000)
{
    /// <summary>The effect's length (default 5 minutes).</summary>
    public TimeSpan EffectiveDuration => Duration ?? TimeSpan.FromMinutes(5);

    /// <summary>When the effect ends.</summary>
    public DateTime End => At + EffectiveDuration;
}
