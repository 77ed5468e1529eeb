using Gv2Edge.Cli.Dashboard;
using Gv2Edge.TestKit;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using Xunit;

namespace Gv2Edge.Cli.Tests;

public sealed class DashboardLoopTests
{
    [Fact]
    public async Task Live_loop_renders_the_latest_snapshot_each_tick_and_stops_on_cancellation()
    {
        var clock = new FakeTimeProvider(DashboardTestData.Now);
        var console = new TestConsole();
        console.Profile.Width = 80;
        console.Profile.Height = 24;
        int calls = 0;
        DashboardSnapshot Source()
        {
            int n = Interlocked.Increment(ref calls);
            return DashboardSnapshot.Empty with { Connection = new ConnectionStatus($"Connected#{n}") };
        }

        using var stop = new CancellationTokenSource();
        Task loop = DashboardLoop.RunLiveAsync(console, Source, TimeSpan.FromMilliseconds(250), clock, stop.Token);
        await Wait.UntilAsync("three renders", () =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            return Volatile.Read(ref calls) >= 3;
        });
        await stop.CancelAsync();
        await Wait.ForAsync("the loop to stop", loop.ContinueWith(t => t.Status, TaskScheduler.Default));

        Assert.Equal(TaskStatus.RanToCompletion, loop.Status);
        Assert.Contains($"Connected#{Volatile.Read(ref calls)}", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_loop_prints_each_event_once_and_a_status_line_at_its_interval()
    {
        var clock = new FakeTimeProvider(DashboardTestData.Now);
        using var output = new StringWriter();
        DashboardSnapshot current = DashboardTestData.Busy(feedCount: 2);
        using var stop = new CancellationTokenSource();
        Task loop = DashboardLoop.RunPlainAsync(output, () => Volatile.Read(ref current), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), clock, stop.Token);

        await Wait.UntilAsync("the first events", () => output.ToString().Contains("reason 1", StringComparison.Ordinal));
        Volatile.Write(ref current, DashboardTestData.Busy(feedCount: 3));
        await Wait.UntilAsync("the new event", () =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return output.ToString().Contains("reason 2", StringComparison.Ordinal);
        });
        await Wait.UntilAsync("a second status line", () =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return output.ToString().Split('\n').Count(l => l.Contains("| Connected", StringComparison.Ordinal)) >= 2;
        });
        await stop.CancelAsync();
        await Wait.ForAsync("the loop to stop", loop.ContinueWith(t => t.Status, TaskScheduler.Default));

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, lines.Count(l => l.Contains("reason 1", StringComparison.Ordinal)));
        Assert.Equal(1, lines.Count(l => l.Contains("reason 2", StringComparison.Ordinal)));
        Assert.Equal(1, lines.Count(l => l.Contains("VOLUME_SPIKE", StringComparison.Ordinal)));
        int reason2 = Array.FindIndex(lines, l => l.Contains("reason 2", StringComparison.Ordinal));
        Assert.True(reason2 > Array.FindIndex(lines, l => l.Contains("reason 1", StringComparison.Ordinal)), "new events come after older ones");
        Assert.Equal(TaskStatus.RanToCompletion, loop.Status);
    }
}
