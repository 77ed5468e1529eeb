namespace Gv2Edge.Radar.Engines;

/// <summary>The acceleration engine's reading of one symbol.</summary>
public readonly record struct AccelerationScore
{
    /// <summary>0.40·min(1, volumeZ/4) + 0.25·accumulation + 0.20·readiness + 0.15·spread tightening, in [0, 1].</summary>
    public double Score { get; init; }

    /// <summary>Accumulation score in [0, 1].</summary>
    public double Accumulation { get; init; }

    /// <summary>Breakout readiness in [0, 1].</summary>
    public double Readiness { get; init; }

    /// <summary>State (DORMANT until enough samples).</summary>
    public AccelerationState State { get; init; }

    /// <summary>The measurements behind the score.</summary>
    public DerivativeState Derivatives { get; init; }

    /// <summary>Confidence from the sample count (n/20).</summary>
    public double Confidence => Derivatives.Confidence;
}
