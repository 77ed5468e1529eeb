using System.Globalization;

namespace Gv2Edge.Cli.Dashboard;

/// <summary>Snapshot → plain lines (no colours, no cursor moves) for output that is not a terminal. Pure.</summary>
public static class DashboardText
{
    /// <summary>The status line: clock, connection and counters.</summary>
    public static string StatusLine(DashboardSnapshot s, int width = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(s);
        return DashboardFormat.Fit($"{DashboardFormat.Clock(s.Clock)} | {DashboardFormat.Connection(s.Connection)} | {DashboardFormat.Counters(s.Counters)}", width);
    }

    /// <summary>One feed event as a line.</summary>
    public static string FeedLine(FeedRow r, int width = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(r);
        return DashboardFormat.Fit(string.Create(CultureInfo.InvariantCulture, $"{r.Time:HH:mm:ss} {r.Symbol,-6} {r.Type,-17} {r.Reason}"), width);
    }

    /// <summary>The whole snapshot as lines no longer than <paramref name="width"/>.</summary>
    public static IReadOnlyList<string> Lines(DashboardSnapshot s, int width = 80)
    {
        ArgumentNullException.ThrowIfNull(s);
        var lines = new List<string> { StatusLine(s, width) };
        foreach (WatchRow w in s.Watch)
        {
            lines.Add(DashboardFormat.Fit(
                $"{w.Priority,-4} {w.Symbol,-6} last {DashboardFormat.Price(w.Last)} gap {DashboardFormat.SignedPct(w.GapPct)}% rvol {DashboardFormat.Ratio(w.RelativeVolume)} spread {DashboardFormat.Pct(w.SpreadPct)}% {w.LatestEvent ?? DashboardFormat.Unknown}",
                width));
        }

        lines.AddRange(s.Feed.Select(f => FeedLine(f, width)));
        lines.AddRange(s.FlowLeaders.Select(f => DashboardFormat.Fit(
            $"FLOW {f.Symbol,-6} score {DashboardFormat.Score(f.Score)} P/C {DashboardFormat.Number(f.PutCallRatio, "0.00")} {f.TopSignal ?? DashboardFormat.Unknown}", width)));
        lines.AddRange(s.Suspects.Select(r => DashboardFormat.Fit(
            $"RADAR {r.Symbol,-6} score {DashboardFormat.Score(r.Score)} {string.Join(",", r.Types)}", width)));
        return lines;
    }
}
