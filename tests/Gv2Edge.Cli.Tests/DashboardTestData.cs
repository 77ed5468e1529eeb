using Gv2Edge.Cli.Dashboard;

namespace Gv2Edge.Cli.Tests;

/// <summary>A busy dashboard snapshot: more rows than fit, long reasons, markup characters, unknown values.</summary>
public static class DashboardTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 45, 12, TimeSpan.FromHours(-5));

    public static DashboardSnapshot Busy(int feedCount = 12) => new()
    {
        Connection = new ConnectionStatus("Connected", 178, 12.4, 45, 45, 21.5, 1),
        Clock = new SessionClock(Now, "RTH", Now.AddDays(1).Date.AddHours(9.5), new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.FromHours(-5))),
        Counters = new DashboardCounters(Ticks: 123_456, Events: 42, Alerts: 7, AlertsPending: 2, DroppedEvents: 0, Subscriptions: 45),
        Watch =
        [
            new WatchRow("GME", "HOT", 31.25, 12.5, 6.2, 0.08, "VOLUME_SPIKE 09:44"),
            new WatchRow("AMC", "HOT", 5.12, -4.1, 3.1, 0.2, "HALTED 09:40"),
            new WatchRow("TSLA", "WARM", 251.3, 1.2, 1.4, 0.01, "NEW_HIGH 09:41"),
            new WatchRow("NVDA", "WARM", 1402.5, 0.4, 1.1, 0.01, null),
            new WatchRow("PLTR", "WARM", null, null, null, null, null),
            new WatchRow("SOFI", "WARM", 9.99, 2.0, 2.0, 0.1, "PRICE_SURGE 09:30"),
            new WatchRow("HIDDEN7", "WARM", 1, 1, 1, 1, "should not fit"),
        ],
        Feed = [.. Enumerable.Range(0, feedCount).Select(i => new FeedRow(
            $"f{i}",
            Now.AddSeconds(-10 * i),
            i == 0 ? "GME" : "SYM" + i,
            i == 0 ? "VOLUME_SPIKE" : "PRICE_SURGE",
            i == 0 ? "volume 6.2x the 09:45 baseline [z 4.1] over a long long long long long reason that needs cutting" : $"reason {i}",
            i == 0 ? "HOT" : "WARM"))],
        FlowLeaders =
        [
            new FlowLeader("GME", 0.91, 0.21, "HIGH_CALL_VOLUME"),
            new FlowLeader("AMC", 0.55, null, "VOLUME_OVER_OI"),
            new FlowLeader("TSLA", 0.31, 0.9, null),
            new FlowLeader("HIDDENF", 0.1, 1, "x"),
        ],
        Suspects =
        [
            new RadarSuspect("MULN", 0.72, ["GAP", "VOLUME_SPIKE"]),
            new RadarSuspect("BBBY", 0.4, ["VOLATILITY_SURGE"]),
        ],
    };
}
