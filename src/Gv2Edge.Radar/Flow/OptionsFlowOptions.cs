namespace Gv2Edge.Radar.Flow;

/// <summary>Thresholds of the options-flow signals. The first four are the original's (§8.2); the last two are ours.</summary>
public sealed record OptionsFlowOptions
{
    /// <summary>HIGH_CALL_VOLUME at call volume ≥ this; score min(1, 0.5 + (calls − 5,000)/30,000). Original 5,000.</summary>
    public double HighCallVolume { get; init; } = 5_000;

    /// <summary>LOW_PC_RATIO below this put/call ratio; score min(1, 2·(0.5 − P/C)). Original 0.5.</summary>
    public double LowPutCallRatio { get; init; } = 0.5;

    /// <summary>LOW_PC_RATIO needs total volume above this. Original 1,000.</summary>
    public double LowPutCallMinTotal { get; init; } = 1_000;

    /// <summary>CALL_CONCENTRATION at a call share ≥ this (fraction); score min(1, share). Original 0.70.</summary>
    public double CallConcentrationShare { get; init; } = 0.70;

    /// <summary>
    /// CALL_CONCENTRATION needs total volume above this. The original had no floor (ten calls and no puts scored 1.0);
    /// 1,000 matches LOW_PC_RATIO's. Set 0 for the original behaviour.
    /// </summary>
    public double CallConcentrationMinTotal { get; init; } = 1_000;

    /// <summary>HIGH_OPTIONS_VOLUME at total ≥ this; score min(1, 0.5 + (total − 10,000)/80,000). Original 10,000.</summary>
    public double HighOptionsVolume { get; init; } = 10_000;

    /// <summary>VOLUME_OVER_OI when volume / open interest is above this (overall and per contract). Ours: 1.0.</summary>
    public double VolumeOverOi { get; init; } = 1.0;

    /// <summary>Per-contract VOLUME_OVER_OI needs at least this many contracts traded. Ours: 100.</summary>
    public double MinContractVolume { get; init; } = 100;

    /// <summary>Per-contract VOLUME_OVER_OI signals reported (largest volume first). Ours: 3.</summary>
    public int MaxContractSignals { get; init; } = 3;

    /// <summary>OPTION_VOLUME_VS_AVG when today's volume / the symbol's average option volume is at least this. Ours: 2.</summary>
    public double VolumeVsAverage { get; init; } = 2.0;

    /// <summary>Rows in topStrikes. Default 10.</summary>
    public int TopStrikes { get; init; } = 10;
}
