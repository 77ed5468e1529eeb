using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.State;
using Xunit;

namespace Gv2Edge.Radar.Tests.Anomaly;

public class AverageVolumeFallbackTests
{
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);

    private static DateTimeOffset At(int h, int m) => new(2026, 11, 24, h, m, 0, Est);

    [Fact]
    public void The_curve_share_is_the_intraday_curves_minutes_from_the_session_start()
    {
        // The curve's defaults: 4% pre-market, 93% regular hours, 3% after hours.
        Assert.Equal(0.04, VolumeToTime.CumulativeShare(new TimeOnly(9, 30), includeExtended: true), 9);
        Assert.Equal(0.97, VolumeToTime.CumulativeShare(new TimeOnly(16, 0), includeExtended: true), 9);
        Assert.Equal(1.00, VolumeToTime.CumulativeShare(new TimeOnly(20, 0), includeExtended: true), 9);
        Assert.Equal(1.00, VolumeToTime.CumulativeShare(new TimeOnly(23, 0), includeExtended: true), 9);
        Assert.Equal(0.93, VolumeToTime.CumulativeShare(new TimeOnly(16, 0), includeExtended: false), 9);
        Assert.Equal(0, VolumeToTime.CumulativeShare(new TimeOnly(9, 0), includeExtended: false));
        Assert.Equal(0, VolumeToTime.CumulativeShare(new TimeOnly(3, 0), includeExtended: true));

        // The first regular minute, half-way: half of that minute's weight.
        double firstMinute = IntradayVolumeCurve.Default.ShareAt((9 * 60) + 30);
        Assert.Equal(firstMinute / 2, VolumeToTime.CumulativeShare(new TimeOnly(9, 30, 30), includeExtended: false), 12);
    }

    [Fact]
    public void The_share_grows_with_the_time_of_day_and_the_open_is_heavier_than_midday()
    {
        double previous = 0;
        for (int minute = 4 * 60; minute <= 20 * 60; minute += 5)
        {
            double share = VolumeToTime.CumulativeShare(new TimeOnly(minute / 60 % 24, minute % 60), includeExtended: true);
            Assert.True(share >= previous, $"share at minute {minute} fell");
            previous = share;
        }

        double firstHalfHour = VolumeToTime.CumulativeShare(new TimeOnly(10, 0), false);
        double middayHalfHour = VolumeToTime.CumulativeShare(new TimeOnly(13, 0), false) - VolumeToTime.CumulativeShare(new TimeOnly(12, 30), false);
        Assert.True(firstHalfHour > 2 * middayHalfHour, $"open {firstHalfHour}, midday {middayHalfHour}");
    }

    [Fact]
    public void Ib_average_volume_is_scaled_by_the_curve_and_the_row_says_so()
    {
        VolumeBaseline b = VolumeBaseline.FromIbAverageVolume(1_000_000, At(12, 0), includeExtended: true)!;
        double share = VolumeToTime.CumulativeShare(new TimeOnly(12, 0), includeExtended: true);

        Assert.Equal(VolumeBaselineSource.IbAverageVolume, b.Source);
        Assert.Equal(1_000_000 * share, b.AverageToTime, 6);
        Assert.InRange(share, 0.4, 0.7);
        Assert.Contains("IB's 90-day average volume 1000000", b.Note, StringComparison.Ordinal);
        Assert.Contains("12:00", b.Note, StringComparison.Ordinal);

        RadarRow row = new AnomalyScorer().Evaluate(new AnomalyInput
        {
            Symbol = "SMALL",
            Volume = 4 * b.AverageToTime,
            AvgVolumeToTime = b.AverageToTime,
            VolumeBaseline = b.Source,
            VolumeBaselineNote = b.Note,
        });
        AnomalyFinding spike = Assert.Single(row.Anomalies);
        Assert.Equal("VOLUME_SPIKE", spike.Type);
        Assert.Equal(VolumeBaselineSource.IbAverageVolume, row.VolumeBaseline);
        Assert.Contains("IB's 90-day average volume", spike.Reason, StringComparison.Ordinal);
        Assert.Contains("no bars", spike.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bars_baseline_says_so_in_the_reason()
    {
        VolumeBaseline b = VolumeBaseline.FromBars(250_000, 20);
        RadarRow row = new AnomalyScorer().Evaluate(new AnomalyInput
        {
            Symbol = "SMALL",
            Volume = 1_000_000,
            AvgVolumeToTime = b.AverageToTime,
            VolumeBaseline = b.Source,
            VolumeBaselineNote = b.Note,
        });

        Assert.Equal(VolumeBaselineSource.Bars, row.VolumeBaseline);
        Assert.EndsWith("(baseline from its bars, 20 sessions)", Assert.Single(row.Anomalies).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_volume_against_ib_averages_is_a_spike_for_a_small_cap_and_not_for_a_major()
    {
        var scorer = new AnomalyScorer();
        RadarRow Row(string symbol, double adv)
        {
            VolumeBaseline b = VolumeBaseline.FromIbAverageVolume(adv, At(11, 0), includeExtended: true)!;
            return scorer.Evaluate(new AnomalyInput { Symbol = symbol, Volume = 2_000_000, AvgVolumeToTime = b.AverageToTime, VolumeBaseline = b.Source });
        }

        Assert.Equal(["VOLUME_SPIKE"], Row("SMALL", 1_000_000).Types);
        Assert.Empty(Row("MAJOR", 40_000_000).Types);
    }

    [Fact]
    public void Without_an_average_or_before_anything_trades_there_is_no_fallback()
    {
        Assert.Null(VolumeBaseline.FromIbAverageVolume(0, At(12, 0), includeExtended: true));
        Assert.Null(VolumeBaseline.FromIbAverageVolume(double.NaN, At(12, 0), includeExtended: true));
        Assert.Null(VolumeBaseline.FromIbAverageVolume(1_000_000, At(8, 0), includeExtended: false));
        Assert.NotNull(VolumeBaseline.FromIbAverageVolume(1_000_000, At(8, 0), includeExtended: true));
        RadarRow row = new AnomalyScorer().Evaluate(new AnomalyInput { Symbol = "X", Volume = 1e6, VolumeBaseline = VolumeBaselineSource.IbAverageVolume });
        Assert.Equal(VolumeBaselineSource.None, row.VolumeBaseline);
    }
}
