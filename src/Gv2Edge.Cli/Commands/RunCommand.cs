using System.Globalization;
using Gv2Edge.Cli.Check;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Cli.Pipeline;
using Gv2Edge.Cli.Recording;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Connection;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.Simulator;
using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Cli.Commands;

/// <summary>
/// <c>edge run</c>: the radar against the configured gateway, for as long as it runs: the streaming engine, the
/// acceleration engine and the small-cap radar, the immediate scan of HOT symbols, the radar on an interval, the gap
/// scans in their sessions, the live dashboard (or event lines), the journal and the alerts. A gateway that does not
/// answer yet is waited for (the client retries) with the state shown; Ctrl+C ends with the summary.
/// </summary>
public static class RunCommand
{
    public static readonly CommandSpec Spec = new(
        "run",
        "the live radar against the configured IB Gateway / TWS (dashboard; --headless --json for JSON lines)",
        "edge run (--symbols A,B | --universe FILE) [--duration D] [--headless] [--json] [--record FILE] [--radar-interval 5m] [--gap-interval 10m] [--clock local|gateway]",
        0,
        ["symbols", "universe", "duration", RecordOption.Name, "radar-interval", "gap-interval", "clock"],
        ["headless"],
        Run);

    private static async Task<int> Run(CommandContext ctx)
    {
        TimeSpan? duration = ctx.Args.GetDuration("duration");
        var schedule = new ScanSchedule(ctx.Args.GetDuration("radar-interval"), ctx.Args.GetDuration("gap-interval"));
        string clockMode = ctx.Args.Get("clock") ?? "local";
        if (clockMode is not ("local" or "gateway"))
        {
            throw new UsageException($"--clock {clockMode}: use local (this machine's clock, default) or gateway (follow the gateway's clock, e.g. a simulator started with --start).");
        }

        IReadOnlyList<string> symbols = SymbolList.FromArgs(ctx.Args);
        GatewaySimulator? sim = null;
        string host = ctx.Settings.Ibkr.Host;
        int port = ctx.Settings.Ibkr.Port;
        TimeProvider clock = TimeProvider.System;
        if (!ctx.Settings.Ibkr.UseIbkrData)
        {
            sim = new GatewaySimulator(new SimulatorOptions { Scenario = "demo" });
            await sim.StartAsync(ctx.Cancellation).ConfigureAwait(false);
            (host, port, clock) = ("127.0.0.1", sim.Port, sim.Clock);
            ctx.Err.WriteLine($"edge run: Ibkr:UseIbkrData is false: using the built-in simulator on 127.0.0.1:{port} (scenario demo, real time).");
            if (symbols.Count == 0)
            {
                symbols = [.. Universe.Default.Stocks.Select(s => s.Symbol).Take(80)];
            }
        }

        if (symbols.Count == 0)
        {
            throw new UsageException("name the symbols to watch with --symbols A,B or --universe FILE (one symbol a line, or CSV with a symbol column).");
        }

        try
        {
            await using EdgeJournal journal = EdgeJournal.Open(ctx.Settings.JournalPath);
            await using var client = new TwsClient(GatewaySession.ClientOptions(ctx, host, port, clock));
            using var reporter = new ConnectionReporter(client, ctx.Err, journal);
            if (!await WaitForGatewayAsync(ctx, client, host, port).ConfigureAwait(false))
            {
                return ExitCodes.Gateway;
            }

            clock = clockMode == "gateway" ? await GatewayClock.FollowAsync(client, clock, ctx.Cancellation).ConfigureAwait(false) : clock;
            Checklist(ctx, client, host, port, symbols.Count);
            var options = new AppRunOptions { Duration = duration, Schedule = schedule };
            return await AppPipeline.RunCommandAsync(ctx, client, clock, symbols, options, journal, reporter,
                new Dictionary<string, object?> { ["host"] = host, ["port"] = port }).ConfigureAwait(false);
        }
        finally
        {
            if (sim is not null)
            {
                await sim.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Waits for the first connection as long as it takes (the client retries 1, 2, 5, 10, then every 30 s); the first
    /// failure is diagnosed in plain words. False when the user stopped first or the client id is taken.
    /// </summary>
    private static async Task<bool> WaitForGatewayAsync(CommandContext ctx, TwsClient client, string host, int port)
    {
        ctx.Err.WriteLine($"edge run: connecting to {host}:{PortProbe.Describe(port)} as client {ctx.ClientId}...");
        int diagnosed = 0;
        void OnState(object? sender, ConnectionStateChange change)
        {
            if (change is { Previous: ConnectionState.Connecting, Current: ConnectionState.Reconnecting } && Interlocked.Exchange(ref diagnosed, 1) == 0)
            {
                _ = Task.Run(async () =>
                {
                    ConnectProblem p = await GatewaySession.DiagnoseAsync(host, port, ctx.ClientId, change.Reason, null, ctx.Cancellation).ConfigureAwait(false);
                    ctx.Err.WriteLine($"edge run: {p.Message} {p.Fix}");
                    ctx.Err.WriteLine("edge run: retrying in the background (after 1, 2, 5, 10, then every 30 s) until the gateway answers; Ctrl+C stops.");
                });
            }
        }

        client.StateChanged += OnState;
        try
        {
            await client.ConnectAsync(ctx.Cancellation).ConfigureAwait(false);
            return true;
        }
        catch (TwsException ex) when (ex.Code == TwsErrorCodes.ClientIdInUse)
        {
            ctx.Err.WriteLine($"edge run: {ex.Message} {ex.Hint}".TrimEnd());
            return false;
        }
        catch (OperationCanceledException) when (ctx.Cancellation.IsCancellationRequested)
        {
            ctx.Err.WriteLine($"edge run: stopped before IB Gateway/TWS at {host}:{port} answered; nothing was streamed.");
            return false;
        }
        finally
        {
            client.StateChanged -= OnState;
        }
    }

    // The guide's checklist, as far as the API can tell: connected, which port and account kind, read-only, data type.
    private static void Checklist(CommandContext ctx, TwsClient client, string host, int port, int symbols)
    {
        string accounts = string.Join(",", client.Accounts);
        bool paper = client.Accounts.Count > 0 && client.Accounts.All(a => a.StartsWith("DU", StringComparison.OrdinalIgnoreCase));
        ctx.Err.WriteLine($"edge run: connected to {host}:{PortProbe.Describe(port)}, server version {client.ServerVersion}, account {accounts} ({(paper ? "paper" : "live")}); "
            + $"market data {ctx.Settings.Ibkr.MarketDataType}; watching {symbols.ToString(CultureInfo.InvariantCulture)} symbols (at most {ctx.Settings.Ibkr.MaxSubscriptions} lines, {ctx.Settings.Ibkr.ReservedLines} kept for scans).");
        if (port is 4001 or 7496 && paper || port is 4002 or 7497 && !paper && client.Accounts.Count > 0)
        {
            ctx.Err.WriteLine($"edge run: note: port {PortProbe.Describe(port)} usually serves the other account type than {accounts}; check paper vs live.");
        }

        ctx.Err.WriteLine("edge run: edge never places orders; keep 'Read-Only API' ticked in the gateway's API settings all the same. Ctrl+C stops with a summary.");
    }
}
