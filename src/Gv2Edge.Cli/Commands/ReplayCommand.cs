using System.Globalization;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Cli.Pipeline;
using Gv2Edge.Cli.Recording;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.Streaming;

namespace Gv2Edge.Cli.Commands;

/// <summary>
/// <c>edge replay FILE</c>: a recording (<c>--record</c> of demo, run or stream) run back through the same detectors
/// and engines on a fake clock, with the configured thresholds (<c>Detectors:*</c> keys), to tune them offline.
/// </summary>
public static class ReplayCommand
{
    public static readonly CommandSpec Spec = new(
        "replay",
        "run a recording (--record FILE) back through the detectors on a fake clock, to tune thresholds",
        "edge replay FILE [--json] [--speed X (default: as fast as possible)]",
        0,
        ["speed"],
        [],
        Run);

    private static async Task<int> Run(CommandContext ctx)
    {
        if (ctx.Args.Positional is not [string path])
        {
            throw new UsageException("name one recording, e.g. edge replay session.gv2t.");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"the recording {path} does not exist.");
        }

        double? speed = ctx.Args.GetDouble("speed", 0.001, 1_000_000);
        TickFileReader reader;
        try
        {
            reader = TickFileReader.Open(path);
        }
        catch (TickFileException ex)
        {
            throw new UsageException(ex.Message);
        }

        using (reader)
        {
            string source = reader.Metadata.TryGetValue("command", out System.Text.Json.JsonElement c) ? c.ToString() : "unknown";
            ctx.Err.WriteLine($"edge replay: {path}, recorded by edge {source} from {reader.Start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC"
                + $"{(speed is { } s ? $", at {s.ToString(CultureInfo.InvariantCulture)}x" : ", as fast as possible")}.");
            var streaming = new StreamingOptions { MaxSubscriptions = ctx.Settings.Ibkr.MaxSubscriptions };
            ReplayTotals totals;
            try
            {
                totals = await ReplayRunner.RunAsync(reader, streaming, ctx.Settings.Detectors,
                    e => ctx.Out.WriteLine(ctx.JsonOutput ? EventJson.Serialize(e) : PipelineRunner.FormatLine(e)), speed, ctx.Cancellation).ConfigureAwait(false);
            }
            catch (TickFileException ex)
            {
                throw new UsageException(ex.Message);
            }

            if (totals.Truncated)
            {
                ctx.Err.WriteLine("edge replay: the recording ends in the middle of a record (the recorder was stopped hard); everything before it was replayed.");
            }

            WriteSummary(ctx, totals);
        }

        return ExitCodes.Ok;
    }

    private static void WriteSummary(CommandContext ctx, ReplayTotals t)
    {
        StreamSummary s = t.Summary;
        if (ctx.JsonOutput)
        {
            ctx.Out.WriteLine(Json.Serialize(new Dictionary<string, object?>
            {
                ["type"] = "SUMMARY",
                ["time"] = DateTimeOffset.UtcNow,
                ["ticks"] = t.Ticks,
                ["events"] = s.Events,
                ["subscriptions"] = 0,
                ["evictions"] = 0,
                ["reconnects"] = s.Reconnects,
                ["droppedEvents"] = t.DroppedEvents,
                ["records"] = t.Records,
                ["truncated"] = t.Truncated,
            }, indented: false));
        }
        else
        {
            string events = s.Events.Count == 0 ? "none" : string.Join(", ", s.Events.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"));
            ctx.Out.WriteLine($"Summary: {t.Records} records, {t.Ticks} ticks; events: {events}; {s.Reconnects} reconnects, {t.DroppedEvents} dropped events.");
        }

        ctx.Out.Flush();
    }
}
