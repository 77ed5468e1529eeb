using Gv2Edge.Cli.Dashboard;
using Spectre.Console.Testing;
using Xunit;

namespace Gv2Edge.Cli.Tests;

public sealed class DashboardViewTests
{
    internal static string[] RenderLines(DashboardSnapshot s, int width = 80, int height = 24)
    {
        var console = new TestConsole();
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Write(DashboardView.Render(s, width, height));
        return console.Output.TrimEnd('\n').Split('\n');
    }

    [Fact]
    public void Busy_snapshot_fits_an_80_by_24_terminal()
    {
        string[] lines = RenderLines(DashboardTestData.Busy());

        Assert.True(lines.Length <= 24, $"{lines.Length} lines");
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, $"too wide: {l}"));
    }

    [Fact]
    public void Every_section_shows_its_data()
    {
        string text = string.Join('\n', RenderLines(DashboardTestData.Busy()));

        Assert.Contains("Tue 09:45:12 ET  RTH  close 16:00", text, StringComparison.Ordinal);
        Assert.Contains("Connected  v178  12 ms  lines 45 used 45 free  21.5 msg/s  reconnects 1", text, StringComparison.Ordinal);
        Assert.Contains("ticks 123,456  events 42  alerts 7 (2 pending)", text, StringComparison.Ordinal);
        Assert.Matches(@"GME\s+HOT\s+31\.25\s+\+12\.5\s+6\.2x\s+0\.08\s+VOLUME_SPIKE 09:44", text);
        Assert.Matches(@"AMC\s+HOT\s+5\.12\s+-4\.1", text);
        Assert.Matches(@"09:45:12\s+GME\s+VOLUME_SPIKE\s+volume 6\.2x the 09:45 baseline \[z 4\.1\]", text);
        Assert.Matches(@"GME\s+0\.91\s+0\.21\s+HIGH_CALL_VOLUME", text);
        Assert.Matches(@"MULN\s+0\.72\s+GAP,VOLUME_SPIKE", text);
    }

    [Fact]
    public void Unknown_values_show_as_a_dash_never_as_zero()
    {
        string plltr = RenderLines(DashboardTestData.Busy()).Single(l => l.Contains("PLTR", StringComparison.Ordinal));

        Assert.Matches(@"PLTR\s+WARM\s+-\s+-\s+-\s+-\s+-", plltr);
        Assert.DoesNotContain("0", plltr, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_are_cut_to_what_fits_and_long_reasons_end_with_an_ellipsis()
    {
        string text = string.Join('\n', RenderLines(DashboardTestData.Busy(feedCount: 40)));

        Assert.DoesNotContain("HIDDEN7", text, StringComparison.Ordinal);
        Assert.DoesNotContain("HIDDENF", text, StringComparison.Ordinal);
        Assert.Contains("…", text, StringComparison.Ordinal);
        Assert.DoesNotContain("reason 39", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_taller_terminal_shows_more_of_the_feed()
    {
        int at24 = RenderLines(DashboardTestData.Busy(40)).Count(l => l.Contains("PRICE_SURGE  reason", StringComparison.Ordinal));
        int at40 = RenderLines(DashboardTestData.Busy(40), height: 40).Count(l => l.Contains("PRICE_SURGE  reason", StringComparison.Ordinal));

        Assert.True(at40 > at24, $"{at40} rows at 40 lines vs {at24} at 24");
        Assert.True(RenderLines(DashboardTestData.Busy(40), height: 40).Length <= 40);
    }

    [Fact]
    public void Empty_snapshot_renders_placeholders()
    {
        string text = string.Join('\n', RenderLines(DashboardSnapshot.Empty));

        Assert.Contains("Connecting", text, StringComparison.Ordinal);
        Assert.Contains("clock unknown", text, StringComparison.Ordinal);
        Assert.Contains("(none yet)", text, StringComparison.Ordinal);
        Assert.Contains("(no events yet)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Narrow_terminal_drops_the_latest_event_column_and_stays_inside_the_width()
    {
        string[] lines = RenderLines(DashboardTestData.Busy(), width: 60);

        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 60, $"too wide: {l}"));
        Assert.DoesNotContain("Latest event", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_lines_carry_the_same_facts_without_escape_codes()
    {
        IReadOnlyList<string> lines = DashboardText.Lines(DashboardTestData.Busy(), 80);

        Assert.All(lines, l => Assert.True(l.Length <= 80 && !l.Contains('\u001b', StringComparison.Ordinal), l));
        Assert.StartsWith("Tue 09:45:12 ET  RTH  close 16:00 | Connected  v178", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("HOT  GME    last 31.25 gap +12.5% rvol 6.2x", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("FLOW GME    score 0.91 P/C 0.21 HIGH_CALL_VOLUME", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("RADAR MULN   score 0.72 GAP,VOLUME_SPIKE", StringComparison.Ordinal));
    }
}
