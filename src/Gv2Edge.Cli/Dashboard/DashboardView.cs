using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Gv2Edge.Cli.Dashboard;

/// <summary>
/// Snapshot → Spectre renderable, a pure function: same snapshot and size, same output. Laid out for an 80×24
/// terminal (status lines, HOT/WARM list, event feed, options-flow leaders beside radar suspects); a taller terminal
/// gives the feed more rows; columns shrink or drop below 80 columns. All texts are plain (never parsed as markup).
/// </summary>
public static class DashboardView
{
    /// <summary>Rows of the HOT/WARM list.</summary>
    public const int WatchRows = 6;

    /// <summary>Rows of the leaders and suspects tables.</summary>
    public const int BottomRows = 3;

    // Lines outside the lists: 3 status lines, 3 rules, 2 table headers.
    private const int FixedLines = 8;

    /// <summary>Renders <paramref name="snapshot"/> for a terminal <paramref name="width"/> columns wide and <paramref name="height"/> lines tall (default 24).</summary>
    public static IRenderable Render(DashboardSnapshot snapshot, int width, int height = 24)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        width = Math.Max(40, width);
        int feedRows = Math.Max(3, height - FixedLines - WatchRows - BottomRows - 1);
        var parts = new List<IRenderable>
        {
            Line("GV2-EDGE  " + DashboardFormat.Clock(snapshot.Clock), width, new Style(Color.Aqua, decoration: Decoration.Bold)),
            Line(DashboardFormat.Connection(snapshot.Connection), width, ConnectionStyle(snapshot.Connection.State)),
            Line(DashboardFormat.Counters(snapshot.Counters), width, new Style(Color.Grey)),
            Section("HOT / WARM"),
            WatchTable(snapshot.Watch, width),
            Section("Events"),
            FeedTable(snapshot.Feed, width, feedRows),
            Section("Options flow / Radar suspects"),
            BottomGrid(snapshot, width),
        };
        return new Rows(parts);
    }

    private static Table WatchTable(IReadOnlyList<WatchRow> rows, int width)
    {
        bool wide = width >= 70;
        Table t = NewTable(showHeaders: true);
        t.AddColumn(Col("Symbol")).AddColumn(Col("Pri")).AddColumn(Col("Last", right: true)).AddColumn(Col("Gap%", right: true))
            .AddColumn(Col("RVol", right: true)).AddColumn(Col("Spr%", right: true));
        int latestWidth = width - 50;
        if (wide)
        {
            t.AddColumn(Col("Latest event"));
        }

        foreach (WatchRow r in rows.Take(WatchRows))
        {
            var cells = new List<IRenderable>
            {
                new Text(r.Symbol, new Style(decoration: Decoration.Bold)),
                new Text(r.Priority, PriorityStyle(r.Priority)),
                new Text(DashboardFormat.Price(r.Last)),
                new Text(DashboardFormat.SignedPct(r.GapPct), SignStyle(r.GapPct)),
                new Text(DashboardFormat.Ratio(r.RelativeVolume)),
                new Text(DashboardFormat.Pct(r.SpreadPct)),
            };
            if (wide)
            {
                cells.Add(new Text(DashboardFormat.Fit(r.LatestEvent ?? DashboardFormat.Unknown, latestWidth)));
            }

            t.AddRow(cells);
        }

        if (rows.Count == 0)
        {
            t.AddRow(new Text("(none yet)", new Style(Color.Grey)));
        }

        return t;
    }

    private static Table FeedTable(IReadOnlyList<FeedRow> rows, int width, int maxRows)
    {
        Table t = NewTable(showHeaders: false);
        t.AddColumn(Col("Time")).AddColumn(Col("Symbol")).AddColumn(Col("Type")).AddColumn(Col("Reason"));
        int reasonWidth = Math.Max(10, width - 8 - 6 - 12 - 4);
        foreach (FeedRow r in rows.Take(maxRows))
        {
            t.AddRow(
                new Text(r.Time.ToString("HH:mm:ss", CultureInfo.InvariantCulture), new Style(Color.Grey)),
                new Text(r.Symbol, new Style(decoration: Decoration.Bold)),
                new Text(DashboardFormat.Fit(r.Type, 17), PriorityStyle(r.Priority)),
                new Text(DashboardFormat.Fit(r.Reason, reasonWidth)));
        }

        if (rows.Count == 0)
        {
            t.AddRow(new Text("(no events yet)", new Style(Color.Grey)));
        }

        return t;
    }

    private static Grid BottomGrid(DashboardSnapshot s, int width)
    {
        int half = (width / 2) - 2;
        Table flow = NewTable(showHeaders: true);
        flow.AddColumn(Col("Flow")).AddColumn(Col("Score", right: true)).AddColumn(Col("P/C", right: true)).AddColumn(Col("Top signal"));
        foreach (FlowLeader f in s.FlowLeaders.Take(BottomRows))
        {
            flow.AddRow(
                new Text(f.Symbol, new Style(decoration: Decoration.Bold)),
                new Text(DashboardFormat.Score(f.Score)),
                new Text(DashboardFormat.Number(f.PutCallRatio, "0.00")),
                new Text(DashboardFormat.Fit(f.TopSignal ?? DashboardFormat.Unknown, Math.Max(6, half - 22))));
        }

        Table radar = NewTable(showHeaders: true);
        radar.AddColumn(Col("Radar")).AddColumn(Col("Score", right: true)).AddColumn(Col("Types"));
        foreach (RadarSuspect r in s.Suspects.Take(BottomRows))
        {
            radar.AddRow(
                new Text(r.Symbol, new Style(decoration: Decoration.Bold)),
                new Text(DashboardFormat.Score(r.Score)),
                new Text(DashboardFormat.Fit(string.Join(",", r.Types), Math.Max(6, half - 16))));
        }

        var grid = new Grid();
        grid.AddColumn(new GridColumn().Width(half).NoWrap()).AddColumn(new GridColumn().Width(half).NoWrap());
        grid.AddRow(flow, radar);
        return grid;
    }

    private static Table NewTable(bool showHeaders)
    {
        var t = new Table { Border = TableBorder.None, ShowHeaders = showHeaders };
        return t;
    }

    private static TableColumn Col(string header, bool right = false)
    {
        var c = new TableColumn(new Text(header, new Style(Color.Grey, decoration: Decoration.Underline))) { NoWrap = true, Padding = new Padding(0, 0, 1, 0) };
        return right ? c.RightAligned() : c;
    }

    private static Text Line(string text, int width, Style style) => new(DashboardFormat.Fit(text, width), style);

    private static Rule Section(string title) => new Rule(Markup.Escape(title)) { Justification = Justify.Left, Style = new Style(Color.Grey) };

    private static Style ConnectionStyle(string state) => state.StartsWith("Connected", StringComparison.OrdinalIgnoreCase)
        ? new Style(Color.Green)
        : new Style(Color.Yellow, decoration: Decoration.Bold);

    private static Style PriorityStyle(string priority) => priority switch
    {
        "HOT" => new Style(Color.Red),
        "WARM" => new Style(Color.Orange1),
        _ => Style.Plain,
    };

    private static Style SignStyle(double? v) => v switch
    {
        > 0 => new Style(Color.Green),
        < 0 => new Style(Color.Red),
        _ => Style.Plain,
    };
}
