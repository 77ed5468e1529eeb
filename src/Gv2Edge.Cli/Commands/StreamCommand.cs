using Gv2Edge.Cli.Configuration;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Cli.Pipeline;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Simulator;

namespace Gv2Edge.Cli.Commands;

/// <summary>
/// <c>edge stream</c>: persistent level-1 subscriptions and events as they happen (JSON lines with <c>--json</c>),
/// then a summary. Against the configured gateway, or the built-in simulator when Ibkr:UseIbkrData is false.
/// </summary>
public static class StreamCommand
{
    public static readonly CommandSpec Spec = new(
        "stream",
        "stream level-1 data for symbols and print events (VOLUME_SPIKE, PRICE_SURGE, ...) as they happen",
        "edge stream (--symbols A,B | --universe FILE) [--duration 10m] [--json] [--record FILE]",
        14,
        ["symbols", "universe", "duration", Recording.RecordOption.Name],
        [],
        Run);

    private static async Task<int> Run(CommandContext ctx)
    {
        IReadOnlyList<string> symbols = SymbolList.FromArgs(ctx.Args);
        if (symbols.Count == 0)
        {
            throw new UsageException("name the symbols to stream with --symbols A,B or --universe FILE.");
        }

        TimeSpan? duration = ctx.Args.GetDuration("duration");
        GatewaySimulator? sim = null;
        Recording.TickRecorder? recorder = null;
        string host = ctx.Settings.Ibkr.Host;
        int port = ctx.Settings.Ibkr.Port;
        TimeProvider clock = TimeProvider.System;
        if (!ctx.Settings.Ibkr.UseIbkrData)
        {
            sim = new GatewaySimulator(new SimulatorOptions { Scenario = "quiet" });
            await sim.StartAsync(ctx.Cancellation).ConfigureAwait(false);
            (host, port, clock) = ("127.0.0.1", sim.Port, sim.Clock);
            ctx.Err.WriteLine($"edge stream: Ibkr:UseIbkrData is false: using the built-in simulator on 127.0.0.1:{port}.");
        }

        try
        {
            await using var client = new TwsClient(GatewaySession.ClientOptions(ctx, host, port, clock));
            using var reporter = new ConnectionReporter(client, ctx.Err);
            await GatewaySession.ConnectClientAsync(ctx, client, host, port).ConfigureAwait(false);
            var streaming = new StreamingOptions { MaxSubscriptions = ctx.Settings.Ibkr.MaxSubscriptions };
            recorder = Recording.RecordOption.Open(ctx, clock);
            await using var pipeline = new LivePipeline(client, clock, streaming, ctx.Settings.Detectors, recorder, EngineSetup.For(ctx));
            pipeline.Start(symbols);
            ctx.Err.WriteLine($"edge stream: connected to {host}:{port} (server version {client.ServerVersion}); streaming {symbols.Count} symbols{(duration is { } d ? $" for {d}" : " until Ctrl+C")}.");
            return await PipelineRunner.RunAsync(ctx, client, pipeline, duration, journal: null).ConfigureAwait(false);
        }
        finally
        {
            Recording.RecordOption.Close(ctx, recorder);
            if (sim is not null)
            {
                await sim.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
