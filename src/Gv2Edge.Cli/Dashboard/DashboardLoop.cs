using Spectre.Console;

namespace Gv2Edge.Cli.Dashboard;

/// <summary>
/// The one render loop: at a fixed rate it takes the latest snapshot from <c>source</c> and renders it. Nothing else
/// touches the console while it runs (Spectre's live display is not thread-safe). Stops on cancellation.
/// </summary>
public static class DashboardLoop
{
    /// <summary>Default refresh interval of the live view: 250 ms.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Default gap between status lines of the plain view: 30 s.</summary>
    public static readonly TimeSpan DefaultStatusEvery = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Live view on <paramref name="console"/> (a terminal): redraws every <paramref name="interval"/> (default
    /// <see cref="DefaultInterval"/>) on <paramref name="time"/> (default system clock) until cancelled. Returns normally on cancellation.
    /// </summary>
    public static async Task RunLiveAsync(
        IAnsiConsole console, Func<DashboardSnapshot> source, TimeSpan? interval = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(source);
        TimeSpan every = interval ?? DefaultInterval;
        TimeProvider clock = time ?? TimeProvider.System;
        await console.Live(DashboardView.Render(source(), console.Profile.Width, console.Profile.Height))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Bottom)
            .StartAsync(async ctx =>
            {
                while (await DelayAsync(every, clock, cancellationToken).ConfigureAwait(false))
                {
                    ctx.UpdateTarget(DashboardView.Render(source(), console.Profile.Width, console.Profile.Height));
                    ctx.Refresh();
                }
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// Plain view for output that is not a terminal: every <paramref name="interval"/> (default 1 s) prints the feed
    /// events not printed yet, oldest first, and a status line at start and every <paramref name="statusEvery"/>
    /// (default <see cref="DefaultStatusEvery"/>). Returns normally on cancellation.
    /// </summary>
    public static async Task RunPlainAsync(
        TextWriter output,
        Func<DashboardSnapshot> source,
        TimeSpan? interval = null,
        TimeSpan? statusEvery = null,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        TimeProvider clock = time ?? TimeProvider.System;
        TimeSpan statusGap = statusEvery ?? DefaultStatusEvery;
        var printed = new HashSet<string>(StringComparer.Ordinal);
        var printedOrder = new Queue<string>();
        DateTimeOffset? lastStatus = null;
        do
        {
            DashboardSnapshot s = source();
            DateTimeOffset now = clock.GetUtcNow();
            if (lastStatus is null || now - lastStatus >= statusGap)
            {
                await output.WriteLineAsync(DashboardText.StatusLine(s)).ConfigureAwait(false);
                lastStatus = now;
            }

            // The feed is newest first; print what is new, oldest first.
            foreach (FeedRow row in s.Feed.Reverse())
            {
                if (printed.Add(row.Id))
                {
                    printedOrder.Enqueue(row.Id);
                    await output.WriteLineAsync(DashboardText.FeedLine(row)).ConfigureAwait(false);
                }
            }

            // Remember only as many ids as a feed can hold, several times over.
            while (printedOrder.Count > 4096)
            {
                printed.Remove(printedOrder.Dequeue());
            }

            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        while (await DelayAsync(interval ?? TimeSpan.FromSeconds(1), clock, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<bool> DelayAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
