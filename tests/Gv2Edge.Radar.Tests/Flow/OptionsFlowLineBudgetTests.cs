using System.Diagnostics;
using Gv2Edge.Radar.Flow;
using Gv2Edge.TestKit;
using Gv2Edge.Tws.Simulator.Market;
using Xunit;
using Xunit.Abstractions;

namespace Gv2Edge.Radar.Tests.Flow;

public sealed class OptionsFlowLineBudgetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_50_symbol_scan_never_holds_more_lines_than_the_budget_and_frees_them_all()
    {
        // The gateway allows 6 lines and says 101 past that; the client and the service know the same 6.
        const int Lines = 6;
        await using FlowSimulatorFixture f = await FlowSimulatorFixture.StartAsync(
            FlowSimulatorFixture.At("call-burst", 9, 45) with { Lines = Lines }, lines: Lines, reserved: Lines);
        List<string> symbols = [.. Universe.Default.Stocks.Take(50).Select(s => s.Symbol)];
        Assert.Contains("AAPL", symbols);
        int reported = 0;

        var watch = Stopwatch.StartNew();
        IReadOnlyList<FlowScanEntry> entries = await Wait.ForAsync("a 50-symbol options-flow scan",
            f.Service.ScanManyAsync(symbols, new Progress<int>(n => Volatile.Write(ref reported, n))), TimeSpan.FromSeconds(120));
        watch.Stop();

        Assert.Equal(50, entries.Count);
        Assert.All(entries, e => Assert.Null(e.Error));
        Assert.All(entries, e => Assert.DoesNotContain(e.Result!.Notes, n => n.Contains("failed", StringComparison.Ordinal)));
        Assert.DoesNotContain(101, f.Codes);
        Assert.InRange(f.Service.PeakLines, 1, Lines);
        Assert.Equal(0, f.Client.Lines.Used);
        OptionsFlowResult aapl = entries.Single(e => e.Symbol == "AAPL").Result!;
        Assert.Equal(230, aapl.TargetStrike);
        await Wait.UntilAsync("progress reached 50", () => Volatile.Read(ref reported) == 50);
        output.WriteLine($"50 symbols in {watch.Elapsed.TotalSeconds:0.0} s; {f.Service.LinesOpened} lines opened, at most {f.Service.PeakLines} at once (limit {Lines}).");
    }
}
