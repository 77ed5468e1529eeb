namespace Gv2Edge.Radar.Engines;

/// <summary>The original's accumulation, readiness, state and score formulas, as pure functions of the derivatives.</summary>
public static class AccelerationClassifier
{
    /// <summary>
    /// Accumulation: volume rising across the window and still rising (trend and last step both positive) while
    /// the price holds within <see cref="AccelerationOptions.PriceStabilityMaxPct"/>: min(1, volumeZ/3), ×1.3 when
    /// volumeZ &gt; 1.5, ×1.2 when the spread tightens, each capped at 1. Otherwise 0.
    /// </summary>
    public static double Accumulation(in DerivativeState d, AccelerationOptions o)
    {
        if (!(d.VolumeTrend > 0 && d.VolumeAcceleration > 0 && Math.Abs(d.PriceChangePct) < o.PriceStabilityMaxPct))
        {
            return 0;
        }

        double score = Math.Clamp(d.VolumeZ / o.AccumulationVolumeZDivisor, 0, 1);
        if (d.VolumeZ > o.AccumulationBoostVolumeZ)
        {
            score = Math.Min(1, score * 1.3);
        }

        if (d.SpreadTightening)
        {
            score = Math.Min(1, score * 1.2);
        }

        return score;
    }

    /// <summary>Readiness: 0.5·accumulation when accumulation &gt; 0.3; +0.3 when the price moves up with volume accelerating; +0.2 when volume z &gt; 2 and |price z| &gt; 1; capped at 1.</summary>
    public static double Readiness(in DerivativeState d, double accumulation, AccelerationOptions o)
    {
        double r = accumulation > o.AccumulationMinScore ? 0.5 * accumulation : 0;
        if (d.PriceVelocityPctPerMin > o.ReadinessVelocityPctPerMin && d.VolumeAcceleration > 0)
        {
            r += 0.3;
        }

        if (d.VolumeZ > o.ReadinessVolumeZ && Math.Abs(d.PriceZ) > o.ReadinessPriceZ)
        {
            r += 0.2;
        }

        return Math.Min(1, r);
    }

    /// <summary>The state, first match wins: EXHAUSTED, BREAKOUT, LAUNCHING, ACCUMULATING, else DORMANT.</summary>
    public static AccelerationState State(in DerivativeState d, double accumulation, double readiness, AccelerationOptions o)
    {
        if (d.PriceVelocityPctPerMin > o.ExhaustionVelocityPctPerMin && d.PriceAccelerationPctPerMin2 < o.ExhaustionAccelerationPctPerMin2 && d.VolumeAcceleration < 0)
        {
            return AccelerationState.Exhausted;
        }

        if (d.PriceZ > o.BreakoutPriceZ && d.VolumeZ > o.BreakoutVolumeZ && d.PriceVelocityPctPerMin > o.BreakoutVelocityPctPerMin)
        {
            return AccelerationState.Breakout;
        }

        if (readiness > o.LaunchReadiness && d.PriceVelocityPctPerMin > o.LaunchVelocityPctPerMin)
        {
            return AccelerationState.Launching;
        }

        return accumulation > o.AccumulationMinScore ? AccelerationState.Accumulating : AccelerationState.Dormant;
    }

    /// <summary>
    /// Spread component: min(1, −spreadZ/2) when the spread tightened, else 0. The original used |spreadZ|, which
    /// rewarded a spread that narrowed a little from very wide; only a spread below its own normal counts here.
    /// </summary>
    public static double SpreadComponent(in DerivativeState d) =>
        d.SpreadTightening ? Math.Clamp(-d.SpreadZ / 2, 0, 1) : 0;

    /// <summary>0.40·clip(volumeZ/4, 0, 1) + 0.25·accumulation + 0.20·readiness + 0.15·spread component, clipped to [0, 1].</summary>
    public static double Score(in DerivativeState d, double accumulation, double readiness) =>
        Math.Clamp(
            (0.40 * Math.Clamp(d.VolumeZ / 4, 0, 1)) + (0.25 * accumulation) + (0.20 * readiness) + (0.15 * SpreadComponent(d)),
            0,
            1);

    /// <summary>Everything at once; DORMANT with a zero score until the sample and confidence minimums are met.</summary>
    public static AccelerationScore Classify(in DerivativeState d, AccelerationOptions o)
    {
        if (!d.IsReady || d.Samples < o.MinSamplesForScore || d.Confidence < o.MinConfidenceForScore)
        {
            return new AccelerationScore { State = AccelerationState.Dormant, Derivatives = d };
        }

        double acc = Accumulation(d, o);
        double ready = Readiness(d, acc, o);
        return new AccelerationScore
        {
            Score = Score(d, acc, ready),
            Accumulation = acc,
            Readiness = ready,
            State = State(d, acc, ready, o),
            Derivatives = d,
        };
    }
}
