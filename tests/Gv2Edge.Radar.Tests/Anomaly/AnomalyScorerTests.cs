using Gv2Edge.Radar.Anomaly;
using Xunit;

namespace Gv2Edge.Radar.Tests.Anomaly;

public class AnomalyScorerTests
{
    private readonly AnomalyScorer _scorer = new();

    private static AnomalyInput In(string symbol = "ABC", double last = 10, double prev = 10, double volume = 100_000, double avg = 100_000, double high = 10.1, double low = 9.9, double atr = 1) => new()
    {
        Symbol = symbol,
        Last = last,
        PrevClose = prev,
        Volume = volume,
        AvgVolumeToTime = avg,
        DayHigh = high,
        DayLow = low,
        Atr = atr,
        Session = "RTH",
        DataQuality = "live",
    };

    [Fact]
    public void A_four_percent_gap_scores_point_two_and_is_emitted_inclusively()
    {
        RadarRow row = Assert.Single(_scorer.Scan([In(last: 10.40)]));

        Assert.Equal(["GAP"], row.Types);
        Assert.Equal(0.2, row.Score, 12);                                   // min(0.5, 5 × 0.04)
        Assert.Equal(4.0, row.GapPct!.Value, 9);
        Assert.False(row.IsSuspect);
    }

    [Fact]
    public void A_gap_down_keeps_its_sign_and_caps_at_half()
    {
        RadarRow row = _scorer.Evaluate(In(last: 8.80));

        Assert.Equal(-12.0, row.GapPct!.Value, 9);
        Assert.Equal(0.5, row.Score, 12);
        Assert.Contains("down", row.Anomalies[0].Reason, StringComparison.Ordinal);
        Assert.True(row.IsSuspect);
    }

    [Fact]
    public void The_same_two_million_shares_are_a_spike_for_a_small_cap_and_not_for_a_major()
    {
        RadarRow small = _scorer.Evaluate(In("SMALL", volume: 2_000_000, avg: 400_000));
        RadarRow major = _scorer.Evaluate(In("MAJOR", volume: 2_000_000, avg: 30_000_000));

        Assert.Equal(["VOLUME_SPIKE"], small.Types);
        Assert.Equal(5, small.VolumeRatio!.Value, 12);
        Assert.Equal(0.25, small.Score, 12);                               // min(0.3, 5 / 20)
        Assert.Equal(400_000, small.Anomalies[0].Baseline);
        Assert.Empty(major.Types);
        Assert.Equal(["SMALL"], _scorer.Scan([small.ToInput(), major.ToInput()]).Select(r => r.Symbol));
    }

    [Fact]
    public void A_range_over_twice_the_atr_is_a_volatility_surge_worth_at_most_point_two()
    {
        RadarRow row = _scorer.Evaluate(In(high: 10.6, low: 9.5, atr: 0.5));

        Assert.Equal(["VOLATILITY_SURGE"], row.Types);
        Assert.Equal(2.2, row.RangeToAtr!.Value, 9);
        Assert.Equal(0.2, row.Score, 12);                                   // min(0.2, 0.22)
    }

    [Fact]
    public void All_three_add_up_in_a_fixed_type_order()
    {
        RadarRow row = _scorer.Evaluate(In(last: 10.40, volume: 500_000, avg: 100_000, high: 10.5, low: 9.0, atr: 0.5));

        Assert.Equal(["VOLUME_SPIKE", "GAP", "VOLATILITY_SURGE"], row.Types);
        Assert.Equal(0.25 + 0.2 + 0.2, row.Score, 12);
        Assert.True(row.IsSuspect);
    }

    [Theory]
    [InlineData(10.30, 100_000, 10.1, 9.9, 1.0)]       // gap exactly 3%: not above
    [InlineData(10.39, 100_000, 10.1, 9.9, 1.0)]       // gap 3.9% fires but scores 0.195 < 0.2
    [InlineData(10.00, 300_000, 10.1, 9.9, 1.0)]       // volume exactly 3x
    [InlineData(10.00, 390_000, 10.1, 9.9, 1.0)]       // 3.9x fires but scores 0.195
    [InlineData(10.00, 100_000, 11.0, 9.0, 1.0)]       // range exactly 2x ATR
    public void Near_misses_are_not_emitted(double last, double volume, double high, double low, double atr)
    {
        Assert.Empty(_scorer.Scan([In(last: last, volume: volume, high: high, low: low, atr: atr)]));
    }

    [Fact]
    public void Rows_are_sorted_by_score()
    {
        IReadOnlyList<RadarRow> rows = _scorer.Scan([In("A", last: 10.40), In("B", last: 8.0), In("C", last: 10.0), In("D", last: 10.8)]);

        Assert.Equal(["B", "D", "A"], rows.Select(r => r.Symbol));
    }

    [Fact]
    public void Missing_or_broken_values_are_null_never_nan_and_never_stop_the_scan()
    {
        var broken = new AnomalyInput { Symbol = "BROKEN", Last = double.NaN, PrevClose = 0, Volume = double.PositiveInfinity, AvgVolumeToTime = null, DayHigh = 5, DayLow = 6, Atr = -1 };

        RadarRow row = _scorer.Evaluate(broken);
        IReadOnlyList<RadarRow> rows = _scorer.Scan([broken, In("OK", last: 11)]);

        Assert.Null(row.Last);
        Assert.Null(row.GapPct);
        Assert.Null(row.VolumeRatio);
        Assert.Null(row.RangeToAtr);
        Assert.Null(row.Atr);
        Assert.Equal(0, row.Score);
        Assert.Equal(["OK"], rows.Select(r => r.Symbol));
    }

    [Fact]
    public void The_price_filter_is_the_originals_range()
    {
        var o = new AnomalyOptions();

        Assert.True(o.PassesPriceFilter(0.0001));
        Assert.True(o.PassesPriceFilter(20));
        Assert.False(o.PassesPriceFilter(20.01));
        Assert.False(o.PassesPriceFilter(null));
    }
}

internal static class RadarRowExtensions
{
    public static AnomalyInput ToInput(this RadarRow r) => new()
    {
        Symbol = r.Symbol,
        Last = r.Last,
        PrevClose = r.PrevClose,
        Volume = r.Volume,
        AvgVolumeToTime = r.AvgVolumeToTime,
        DayHigh = r.Last + 0.1,
        DayLow = r.Last - 0.1,
        Atr = r.Atr,
    };
}
