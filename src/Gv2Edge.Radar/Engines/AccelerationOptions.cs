namespace Gv2Edge.Radar.Engines;

/// <summary>
/// Thresholds of the acceleration engine. Defaults are the original's values, converted where the original mixed
/// units: its price thresholds were fractions per minute (0.001 = 0.1 %/min) and are given here in percent.
/// </summary>
public sealed record AccelerationOptions
{
    /// <summary>Accumulation needs the window's price change within ±this percent. Original 2%.</summary>
    public double PriceStabilityMaxPct { get; init; } = 2.0;

    /// <summary>Accumulation score = min(1, volumeZ / this). Original 3.</summary>
    public double AccumulationVolumeZDivisor { get; init; } = 3.0;

    /// <summary>Above this volume z the accumulation score is multiplied by 1.3. Original 1.5 (VOLUME_ACCEL_ZSCORE_THRESHOLD).</summary>
    public double AccumulationBoostVolumeZ { get; init; } = 1.5;

    /// <summary>Accumulation counts (state, readiness, alert) from this score. Original 0.30 (ACCUMULATION_MIN_SCORE).</summary>
    public double AccumulationMinScore { get; init; } = 0.30;

    /// <summary>Readiness adds 0.3 when the price velocity exceeds this (percent per minute) with volume accelerating. Original 0.001/min = 0.1 %/min.</summary>
    public double ReadinessVelocityPctPerMin { get; init; } = 0.1;

    /// <summary>Readiness adds 0.2 when volume z exceeds this and |price z| exceeds <see cref="ReadinessPriceZ"/>. Original 2.</summary>
    public double ReadinessVolumeZ { get; init; } = 2.0;

    /// <summary>See <see cref="ReadinessVolumeZ"/>. Original 1.</summary>
    public double ReadinessPriceZ { get; init; } = 1.0;

    /// <summary>LAUNCHING needs readiness above this. Original 0.50 (BREAKOUT_READINESS_THRESHOLD).</summary>
    public double LaunchReadiness { get; init; } = 0.50;

    /// <summary>LAUNCHING needs a price velocity above this, percent per minute. Original 0.1 %/min.</summary>
    public double LaunchVelocityPctPerMin { get; init; } = 0.1;

    /// <summary>BREAKOUT needs price z above this. Original 2.</summary>
    public double BreakoutPriceZ { get; init; } = 2.0;

    /// <summary>BREAKOUT needs volume z above this. Original 2.</summary>
    public double BreakoutVolumeZ { get; init; } = 2.0;

    /// <summary>BREAKOUT needs a price velocity above this, percent per minute. Original 0.3 %/min.</summary>
    public double BreakoutVelocityPctPerMin { get; init; } = 0.3;

    /// <summary>EXHAUSTED needs a price velocity above this, percent per minute. Original 0.5 %/min.</summary>
    public double ExhaustionVelocityPctPerMin { get; init; } = 0.5;

    /// <summary>
    /// EXHAUSTED needs a price acceleration below this, percent per minute per minute. The original compared a dollar
    /// acceleration with −0.001; here −0.1 %/min², the same scale as its velocity thresholds.
    /// </summary>
    public double ExhaustionAccelerationPctPerMin2 { get; init; } = -0.1;

    /// <summary>A score needs this many samples (original: 2 samples and confidence 0.2, i.e. 4 samples).</summary>
    public int MinSamplesForScore { get; init; } = 4;

    /// <summary>A score needs this confidence. Original 0.2.</summary>
    public double MinConfidenceForScore { get; init; } = 0.2;

    /// <summary>An alert needs this many samples. Original 5.</summary>
    public int MinSamplesForAlert { get; init; } = 5;

    /// <summary>An alert needs this confidence. Original 0.3.</summary>
    public double MinConfidenceForAlert { get; init; } = 0.3;

    /// <summary>Alert cooldown while BREAKOUT. Original 15 s.</summary>
    public TimeSpan BreakoutCooldown { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Alert cooldown while LAUNCHING. Original 30 s.</summary>
    public TimeSpan LaunchingCooldown { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Alert cooldown while ACCUMULATING. Original 60 s.</summary>
    public TimeSpan AccumulatingCooldown { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Cooldown in any other state. Original 120 s.</summary>
    public TimeSpan DefaultCooldown { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The cooldown that applies in <paramref name="state"/>.</summary>
    public TimeSpan CooldownFor(AccelerationState state) => state switch
    {
        AccelerationState.Breakout => BreakoutCooldown,
        AccelerationState.Launching => LaunchingCooldown,
        AccelerationState.Accumulating => AccumulatingCooldown,
        _ => DefaultCooldown,
    };
}
