using Gv2Edge.Radar.Engines;
using Xunit;

namespace Gv2Edge.Radar.Tests.Engines;

public class ClassifierTests
{
    private static readonly AccelerationOptions O = new();

    private static DerivativeState D(
        double volumeZ = 0, double priceZ = 0, double velocity = 0, double acceleration = 0, double change = 0,
        double volumeTrend = 0, double volumeAcc = 0, bool tightening = false, double spreadZ = 0, int samples = 20) => new()
        {
            Samples = samples,
            Confidence = Math.Min(1, samples / 20.0),
            IsReady = samples >= 3,
            VolumeZ = volumeZ,
            PriceZ = priceZ,
            PriceVelocityPctPerMin = velocity,
            PriceAccelerationPctPerMin2 = acceleration,
            PriceChangePct = change,
            VolumeTrend = volumeTrend,
            VolumeAcceleration = volumeAcc,
            SpreadTightening = tightening,
            SpreadZ = spreadZ,
            BaselineSource = "bars",
        };

    [Theory]
    [InlineData(1.2, 1.0, false, 0.4)]          // 1.2 / 3
    [InlineData(1.8, 1.0, false, 0.78)]         // 0.6 × 1.3
    [InlineData(1.8, 1.0, true, 0.936)]         // 0.6 × 1.3 × 1.2
    [InlineData(3.0, -1.9, false, 1.0)]         // capped
    [InlineData(3.0, 2.5, false, 0.0)]          // price moved 2.5%: not holding
    [InlineData(-1.0, 0.0, false, 0.0)]         // volume below normal
    public void Accumulation_follows_the_original_formula(double volumeZ, double change, bool tightening, double expected)
    {
        double a = AccelerationClassifier.Accumulation(D(volumeZ: volumeZ, change: change, volumeTrend: 100, volumeAcc: 50, tightening: tightening), O);

        Assert.Equal(expected, a, 9);
    }

    [Fact]
    public void Accumulation_needs_volume_rising_across_the_window_and_at_the_last_step()
    {
        Assert.Equal(0, AccelerationClassifier.Accumulation(D(volumeZ: 3, volumeTrend: 100, volumeAcc: -1), O));
        Assert.Equal(0, AccelerationClassifier.Accumulation(D(volumeZ: 3, volumeTrend: -100, volumeAcc: 1), O));
    }

    [Theory]
    [InlineData(0.78, 0.0, 0.0, 0.0, 0.39)]      // 0.5 × 0.78
    [InlineData(0.78, 0.2, 0.0, 0.0, 0.69)]      // + 0.3 for price moving with volume accelerating
    [InlineData(0.78, 0.2, 2.5, 1.5, 0.89)]      // + 0.2 for volume z > 2 and |price z| > 1
    [InlineData(0.25, 0.2, 2.5, -1.5, 0.5)]      // accumulation under 0.3 adds nothing
    [InlineData(1.0, 0.2, 2.5, 1.5, 1.0)]        // capped
    public void Readiness_follows_the_original_formula(double accumulation, double velocity, double volumeZ, double priceZ, double expected)
    {
        double r = AccelerationClassifier.Readiness(D(volumeZ: volumeZ, priceZ: priceZ, velocity: velocity, volumeAcc: 10), accumulation, O);

        Assert.Equal(expected, r, 9);
    }

    [Fact]
    public void The_score_weighs_volume_accumulation_readiness_and_spread()
    {
        // 0.40 × min(1, 2/4) + 0.25 × 0.78 + 0.20 × 0.69 + 0.15 × min(1, 1/2) = 0.2 + 0.195 + 0.138 + 0.075
        double s = AccelerationClassifier.Score(D(volumeZ: 2, tightening: true, spreadZ: -1), 0.78, 0.69);

        Assert.Equal(0.608, s, 9);
    }

    [Fact]
    public void A_spread_that_narrows_but_stays_wider_than_normal_earns_nothing()
    {
        Assert.Equal(0, AccelerationClassifier.SpreadComponent(D(tightening: true, spreadZ: 3)));
        Assert.Equal(1, AccelerationClassifier.SpreadComponent(D(tightening: true, spreadZ: -5)));
        Assert.Equal(0, AccelerationClassifier.SpreadComponent(D(tightening: false, spreadZ: -5)));
    }

    [Fact]
    public void States_are_matched_in_the_original_order()
    {
        Assert.Equal(AccelerationState.Exhausted, AccelerationClassifier.State(D(velocity: 0.6, acceleration: -0.2, volumeAcc: -1, priceZ: 5, volumeZ: 5), 0, 0, O));
        Assert.Equal(AccelerationState.Breakout, AccelerationClassifier.State(D(velocity: 0.31, priceZ: 2.1, volumeZ: 2.1), 0, 0, O));
        Assert.Equal(AccelerationState.Launching, AccelerationClassifier.State(D(velocity: 0.11), 0, 0.51, O));
        Assert.Equal(AccelerationState.Accumulating, AccelerationClassifier.State(D(velocity: 0.11), 0.31, 0.5, O));
        Assert.Equal(AccelerationState.Dormant, AccelerationClassifier.State(D(velocity: 0.1, priceZ: 2, volumeZ: 2), 0.3, 0.5, O));
    }

    [Fact]
    public void Too_few_samples_give_a_dormant_zero_score()
    {
        AccelerationScore s = AccelerationClassifier.Classify(D(volumeZ: 9, priceZ: 9, velocity: 2, samples: 3), O);

        Assert.Equal(AccelerationState.Dormant, s.State);
        Assert.Equal(0, s.Score);
    }
}
