namespace Gv2Edge.Radar.Engines;

/// <summary>The acceleration engine's states, as in the original (first match wins: EXHAUSTED, BREAKOUT, LAUNCHING, ACCUMULATING).</summary>
public enum AccelerationState
{
    /// <summary>Nothing unusual.</summary>
    Dormant,

    /// <summary>Volume accelerating while the price holds.</summary>
    Accumulating,

    /// <summary>Breakout readiness high and the price starting to move.</summary>
    Launching,

    /// <summary>Price and volume both far above normal and the price moving fast.</summary>
    Breakout,

    /// <summary>Still rising but decelerating, on falling volume.</summary>
    Exhausted,
}

/// <summary>Upper-case names used in JSON and events.</summary>
public static class AccelerationStateNames
{
    /// <summary>DORMANT, ACCUMULATING, LAUNCHING, BREAKOUT or EXHAUSTED.</summary>
    public static string Name(this AccelerationState state) => state switch
    {
        AccelerationState.Accumulating => "ACCUMULATING",
        AccelerationState.Launching => "LAUNCHING",
        AccelerationState.Breakout => "BREAKOUT",
        AccelerationState.Exhausted => "EXHAUSTED",
        _ => "DORMANT",
    };
}
