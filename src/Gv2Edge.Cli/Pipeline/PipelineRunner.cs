using System.Globalization;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Radar.Events;
using Gv2Edge.Tws;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>
/// Runs a <see cref="LivePipeline"/> for a while and writes its events: JSON lines (<c>--json</c>) or one readable
/// line each, journals them, and ends with the summary (a <c>SUMMARY</c> JSON line with <c>--json</c>).
/// </summary>
public static class PipelineRunner
{
    /// <summary>Streams events until <paramref name="duration"/> passes on the wall clock or the user stops.</summary>
    /// <param name="ctx">The command.</param>
    /// <param name="client">The connected client (for stats).</param>
    /// <param name="pipeline">The running pipeline.</param>
    /// <param name="duration">Wall time to run; null until Ctrl+C.</param>
    /// <param name="journal">Where events are journaled, or null.</param>
    /// <param name="dashboard">Render the live dashboard (a terminal, not --json, not --headless) instead of event lines.</param>
    /// <param name="feed">The dashboard's feed (shared with the scans); null: a new one.</param>
    /// <param name="output">Where lines go (shared with the scans' anomaly lines); null: a new one.</param>
    public static async Task<int> RunAsync(CommandContext ctx, TwsClient client, LivePipeline pipeline, TimeSpan? duration, EdgeJournal? journal, bool dashboard = false,
        DashboardFeed? feed = null, EventOutput? output = null)
    {
        output ??= new EventOutput(ctx, dashboard);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.Cancellation);
        if (duration is { } d)
        {
            stop.CancelAfter(d);
        }

        feed ??= new DashboardFeed(client, pipeline, pipeline.Clock);

        // Alerts: every event goes through the dispatcher, which journals it and queues its deliveries (at least once,
        // idempotency key = event id). Sinks come from EDGE_ALERTS_* variables; with none it only journals.
        using var http = new HttpClient();
        Alerts.AlertDispatcher? alerts = journal is null ? null : new Alerts.AlertDispatcher(
            journal,
            Alerts.AlertSinkFactory.FromEnvironment(Environment.GetEnvironmentVariable, http, ctx.IsTerminal && !dashboard ? ctx.Err : null),
            Alerts.AlertOptions.FromEnvironment(Environment.GetEnvironmentVariable),
            pipeline.Clock);
        if (alerts is not null)
        {
            feed.AlertCounters = () => alerts.Counters;
        }

        using var alertStop = new CancellationTokenSource();
        Task alertLoop = alerts is null ? Task.CompletedTask : Task.Run(() => alerts.RunAsync(alertStop.Token));
        Task render = dashboard
            ? Dashboard.DashboardLoop.RunLiveAsync(Spectre.Console.AnsiConsole.Console, feed.Build, cancellationToken: stop.Token)
            : Task.CompletedTask;
        try
        {
            await foreach (RadarEvent e in pipeline.Events.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                if (alerts is not null)
                {
                    await alerts.PublishAsync(e, CancellationToken.None).ConfigureAwait(false);
                }

                feed.Add(e);
                output.WriteEvent(e);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        try
        {
            await render.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await alertStop.CancelAsync().ConfigureAwait(false);
        try
        {
            await alertLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        output.Close();
        WriteSummary(ctx, client, pipeline);
        return ExitCodes.Ok;
    }

    /// <summary>One readable line for an event.</summary>
    public static string FormatLine(RadarEvent e)
    {
        string time = Market.ExchangeTime.ToExchange(e.Time).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return $"{time} {e.Session,-6} {e.Symbol,-6} {e.Type,-17} {e.Priority,-6} {e.Reason}";
    }

    /// <summary>The final summary: ticks, events by type, subscriptions, evictions, reconnects, dropped events.</summary>
    public static void WriteSummary(CommandContext ctx, TwsClient client, LivePipeline pipeline)
    {
        StreamSummary s = pipeline.Summary();
        var stats = client.GetStats();
        var summary = new Dictionary<string, object?>
        {
            ["type"] = "SUMMARY",
            ["time"] = DateTimeOffset.UtcNow,
            ["ticks"] = pipeline.Ticks,
            ["events"] = s.Events,
            ["subscriptions"] = s.Subscriptions,
            ["evictions"] = s.Evictions,
            ["reconnects"] = stats.Reconnections,
            ["droppedEvents"] = pipeline.DroppedEvents,
        };
        if (ctx.JsonOutput)
        {
            ctx.Out.WriteLine(Json.Serialize(summary, indented: false));
        }
        else
        {
            string events = s.Events.Count == 0 ? "none" : string.Join(", ", s.Events.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"));
            ctx.Out.WriteLine($"Summary: {pipeline.Ticks} ticks; events: {events}; {s.Subscriptions} subscriptions, {s.Evictions} evictions, {stats.Reconnections} reconnects, {pipeline.DroppedEvents} dropped events.");
        }

        ctx.Out.Flush();
    }
}
