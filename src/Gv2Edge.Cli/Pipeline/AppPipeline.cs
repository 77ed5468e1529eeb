using Gv2Edge.Cli.Configuration;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Cli.Recording;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Tws;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>How <see cref="AppPipeline"/> runs: outputs, scans and recording.</summary>
public sealed record AppRunOptions
{
    /// <summary>Wall time to run; null until Ctrl+C.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Where events, anomalies, flow signals and connection changes are journaled; null: nowhere.</summary>
    public EdgeJournal? Journal { get; init; }

    /// <summary>Live dashboard instead of event lines.</summary>
    public bool Dashboard { get; init; }

    /// <summary>Level-1 recorder (<c>--record</c>), or null.</summary>
    public TickRecorder? Recorder { get; init; }

    /// <summary>Options flow and radar services (quotes are always wired).</summary>
    public ScanServices Services { get; init; } = new();

    /// <summary>Periodic scans.</summary>
    public ScanSchedule Schedule { get; init; } = new();

    /// <summary>Scan the options flow of each symbol promoted to HOT. Default true.</summary>
    public bool OptionsFlow { get; init; } = true;

    /// <summary>Run the anomaly radar (on its interval over the symbols, and on each symbol promoted to HOT). Default true.</summary>
    public bool AnomalyRadar { get; init; } = true;

    /// <summary>Run the periodic scans (radar interval, gap scans). Default true.</summary>
    public bool PeriodicScans { get; init; } = true;
}

/// <summary>
/// The full pipeline of <c>edge demo</c> and <c>edge run</c> over one connected client: the streaming engine and the
/// other engines (<see cref="LivePipeline"/>), the immediate scan of HOT symbols and the periodic scans
/// (<see cref="ScanCoordinator"/>), and the outputs (<see cref="PipelineRunner"/>: dashboard or event lines, journal,
/// alerts, summary).
/// </summary>
public static class AppPipeline
{
    /// <summary>
    /// What <c>edge demo</c> and <c>edge run</c> share: opens <c>--record FILE</c> (with <paramref name="recordingInfo"/> in
    /// its header), runs the pipeline with the dashboard unless the output is JSON, headless or not a terminal, flushes
    /// the connection reporter and closes the recording, whatever happens.
    /// </summary>
    /// <param name="ctx">The command's context.</param>
    /// <param name="client">The connected client.</param>
    /// <param name="clock">The clock the pipeline runs on.</param>
    /// <param name="symbols">Symbols to subscribe.</param>
    /// <param name="options">Command-specific options; duration, journal, dashboard and recorder are filled in here.</param>
    /// <param name="journal">The journal, if any.</param>
    /// <param name="reporter">The connection reporter to flush at the end.</param>
    /// <param name="recordingInfo">Fields for the recording's header.</param>
    public static async Task<int> RunCommandAsync(
        CommandContext ctx, TwsClient client, TimeProvider clock, IReadOnlyList<string> symbols, AppRunOptions options,
        EdgeJournal? journal, ConnectionReporter reporter, IReadOnlyDictionary<string, object?> recordingInfo)
    {
        TickRecorder? recorder = RecordOption.Open(ctx, clock, recordingInfo);
        try
        {
            AppRunOptions full = options with
            {
                Journal = journal,
                Dashboard = ctx.IsTerminal && !ctx.JsonOutput && !ctx.Args.Has("headless"),
                Recorder = recorder,
            };
            int code = await RunAsync(ctx, client, clock, symbols, full).ConfigureAwait(false);
            await reporter.FlushAsync().ConfigureAwait(false);
            return code;
        }
        finally
        {
            RecordOption.Close(ctx, recorder);
        }
    }

    /// <summary>Runs until the duration passes or Ctrl+C; returns the exit code.</summary>
    public static async Task<int> RunAsync(CommandContext ctx, TwsClient client, TimeProvider clock, IReadOnlyList<string> symbols, AppRunOptions options)
    {
        var streaming = new StreamingOptions { MaxSubscriptions = Math.Min(ctx.Settings.Ibkr.MaxSubscriptions, 10_000) };
        await using var pipeline = new LivePipeline(client, clock, streaming, ctx.Settings.Detectors, options.Recorder, EngineSetup.For(ctx));
        var feed = new DashboardFeed(client, pipeline, clock);
        var quotes = new MarketDataService(client, pipeline.Sessions, clock);
        ScanServices services = options.Services with
        {
            Quotes = quotes,
            Flow = options.Services.Flow ?? (options.OptionsFlow ? FlowScans.Create(client, quotes, clock) : null),
            Radar = options.Services.Radar ?? (options.AnomalyRadar ? RadarScans.Create(client, quotes, pipeline, clock) : null),
        };
        var output = new EventOutput(ctx, options.Dashboard);
        var scans = new ScanCoordinator(pipeline, feed, services, options.Journal, ctx.Err) { AnomalyFound = output.WriteAnomaly };
        scans.Attach();
        pipeline.Start(symbols);
        using var stop = new CancellationTokenSource();
        Task periodic = options.PeriodicScans ? Task.Run(() => scans.RunPeriodicAsync(symbols, options.Schedule, stop.Token)) : Task.CompletedTask;
        int code = await PipelineRunner.RunAsync(ctx, client, pipeline, options.Duration, options.Journal, options.Dashboard, feed, output).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await periodic.ConfigureAwait(false);
        if (scans.Scans > 0 || scans.Failures > 0)
        {
            ctx.Err.WriteLine($"edge: {scans.Scans} immediate scans of HOT symbols, {scans.Failures} scan failures.");
        }

        return code;
    }
}
