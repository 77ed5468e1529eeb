using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.Engines;
using Xunit;

namespace Gv2Edge.Radar.Tests.Anomaly;

public class BaselineComputationTests
{
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);

    private static HistoryBar Day(int day, double high, double low, double close) =>
        new(new DateTimeOffset(2026, 11, day, 0, 0, 0, Est), TimeSpan.FromDays(1), close, high, low, close, 1_000_000);

    [Fact]
    public void Atr_is_wilders_smoothing_of_true_ranges()
    {
        HistoryBar[] bars =
        [
            Day(2, 10.0, 9.0, 9.5),
            Day(3, 11.0, 10.0, 10.5),   // TR 1.5 (high − previous close)
            Day(4, 10.8, 10.2, 10.4),   // TR 0.6
            Day(5, 10.4, 9.4, 9.6),     // TR 1.0
            Day(6, 12.0, 11.0, 11.5),   // TR 2.4 (gap up)
        ];

        // ATR(3): mean(1.5, 0.6, 1.0) = 1.0333…, then (1.0333… × 2 + 2.4) / 3.
        Assert.Equal(((3.1 / 3 * 2) + 2.4) / 3, AverageTrueRange.Compute(bars, 3)!.Value, 12);
        Assert.Equal(3.1 / 3, AverageTrueRange.Compute(bars[..4], 3)!.Value, 12);
        Assert.Null(AverageTrueRange.Compute(bars[..3], 3));
    }

    [Fact]
    public void Atr_of_fourteen_needs_fifteen_sessions()
    {
        var bars = Enumerable.Range(1, 15).Select(d => Day(d, 10.5, 9.5, 10.0)).ToList();

        Assert.Equal(1.0, AverageTrueRange.Compute(bars)!.Value, 12);
        Assert.Null(AverageTrueRange.Compute(bars.Skip(1)));
    }

    private static IEnumerable<HistoryBar> Session(int day, double factor)
    {
        DateTimeOffset At(int h, int m) => new(2026, 11, day, h, m, 0, Est);
        HistoryBar Bar(DateTimeOffset t, double v) => new(t, TimeSpan.FromMinutes(30), 5, 5, 5, 5, v * factor);
        yield return Bar(At(8, 0), 500);
        yield return Bar(At(9, 30), 1000);
        yield return Bar(At(10, 0), 2000);
        yield return Bar(At(10, 30), 3000);
    }

    [Fact]
    public void Average_volume_to_time_counts_the_same_hours_of_earlier_sessions()
    {
        var bars = Session(20, 1).Concat(Session(23, 2)).Concat(Session(24, 100)).ToList();
        var now = new DateTimeOffset(2026, 11, 24, 10, 15, 0, Est);       // today's bars are not history

        // Regular hours to 10:15: 1000 + half of 2000 = 2000 (×1 and ×2 → mean 3000); with the pre-market +500 (×1.5).
        Assert.Equal(3000, VolumeToTime.FromIntradayBars(bars, now, includeExtended: false)!.Value, 9);
        Assert.Equal(3750, VolumeToTime.FromIntradayBars(bars, now, includeExtended: true)!.Value, 9);
        Assert.Equal(4000, VolumeToTime.FromIntradayBars(bars, now, includeExtended: false, sessions: 1)!.Value, 9);
        Assert.Null(VolumeToTime.FromIntradayBars(Session(24, 1), now, includeExtended: false));
    }
}
