using System.Globalization;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Cli.Pipeline;
using Gv2Edge.Cli.Recording;
using Gv2Edge.Market;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Simulator;
using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Cli.Commands;

/// <summary>
/// <c>edge demo</c>: the whole system on a machine with no IBKR account. Starts the IB Gateway simulator in-process
/// on a loopback port with the demo scenario, connects the client to it exactly as to IB Gateway (TCP, handshake,
/// pacing), and runs the full pipeline on the simulator's market clock.
/// </summary>
public static class DemoCommand
{
    /// <summary>Default market seconds per wall second: the demo scenario's half hour plays in about a minute.</summary>
    public const double DefaultSpeed = 30;

    /// <summary>Default <c>--radar-interval</c> (market time), or <c>off</c>.</summary>
    public const string DefaultRadarInterval = "5m";

    public static readonly CommandSpec Spec = new(
        "demo",
        "the live radar against the built-in simulator (no IBKR account needed)",
        "edge demo [--duration 60s] [--headless] [--json] [--speed 30] [--scenario demo|NAME|FILE] [--seed N] [--symbols A,B] [--port 0] [--record FILE] [--radar-interval 5m|off]",
        0,
        ["duration", "speed", "scenario", "seed", "symbols", "start", "server-version", "lines", RecordOption.Name, "radar-interval"],
        ["headless"],
        Run);

    private static async Task<int> Run(CommandContext ctx)
    {
        int port = ctx.Args.GetInt("port", 0, 65535) ?? 0;
        string? radarText = ctx.Args.Get("radar-interval") ?? DefaultRadarInterval;
        bool radarOff = string.Equals(radarText, "off", StringComparison.OrdinalIgnoreCase);
        TimeSpan radarInterval = radarOff ? TimeSpan.Zero : DurationText.Parse(radarText, "--radar-interval");
        SimulatorOptions simOptions = SimCommand.BuildOptions(ctx, port, defaultScenario: "demo", defaultSpeed: DefaultSpeed);
        TimeSpan? duration = ctx.Args.GetDuration("duration");
        await using var sim = new GatewaySimulator(simOptions);
        await sim.StartAsync(ctx.Cancellation).ConfigureAwait(false);
        ctx.Err.WriteLine($"edge demo: simulator on 127.0.0.1:{sim.Port}, scenario {sim.Scenario.Name}, market clock {sim.Clock.NowEt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} ET at {simOptions.Speed.ToString(CultureInfo.InvariantCulture)}x.");
        ctx.Err.WriteLine($"Scenario: {sim.Scenario.Description}");

        TimeProvider clock = sim.Clock;
        // The client's network timeouts run on the market clock; at 30x a 30 s heartbeat would be 1 s of wall time,
        // which a busy machine can miss. Keep their wall-time meaning (and never shorter than the defaults).
        double speed = Math.Max(1, simOptions.Speed);
        var clientOptions = GatewaySession.ClientOptions(ctx, "127.0.0.1", sim.Port, clock) with
        {
            // The simulator counts IB's limits in real seconds (LimitsClock.Driving), so the client paces on real time.
            PacingTimeProvider = sim.TransportClock,
            ConnectTimeout = TimeSpan.FromSeconds(ctx.Settings.Ibkr.ConnectTimeoutSeconds * speed),
            HeartbeatInterval = TimeSpan.FromSeconds(Math.Max(30, 10 * speed)),
            SilenceThresholdRegular = TimeSpan.FromSeconds(Math.Max(60, 5 * speed)),
        };
        await using EdgeJournal? journal = OpenDemoJournal(ctx);
        await using var client = new TwsClient(clientOptions);
        using var reporter = new ConnectionReporter(client, ctx.Err, journal);
        await GatewaySession.ConnectClientAsync(ctx, client, "127.0.0.1", sim.Port).ConfigureAwait(false);

        IReadOnlyList<string> symbols = ctx.Args.GetAll("symbols") is { Count: > 0 } given ? given : DemoUniverse(sim);
        ctx.Err.WriteLine($"edge demo: connected (server version {client.ServerVersion}, account {string.Join(",", client.Accounts)}); subscribing {symbols.Count} symbols.");
        var options = new AppRunOptions
        {
            Duration = duration,
            // The anomaly radar every 5 market minutes (10 s of wall time at 30x) over the symbols, once the streaming
            // lines and baselines are in; its rows print as ANOMALY lines and fill the radar-suspects panel.
            AnomalyRadar = !radarOff,
            Schedule = new ScanSchedule(radarOff ? null : radarInterval, TimeSpan.FromMinutes(5)),
        };
        return await AppPipeline.RunCommandAsync(ctx, client, clock, symbols, options, journal, reporter,
            new Dictionary<string, object?> { ["scenario"] = sim.Scenario.Name, ["speed"] = simOptions.Speed }).ConfigureAwait(false);
    }

    /// <summary>The scenario's symbols first, then the simulator's universe, up to 80 symbols.</summary>
    private static IReadOnlyList<string> DemoUniverse(GatewaySimulator sim)
    {
        var list = new List<string>();
        foreach (string s in sim.Scenario.Events.Select(e => e.Symbol))
        {
            if (!list.Contains(s, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(s);
            }
        }

        foreach (StockInfo stock in Universe.Default.Stocks)
        {
            if (list.Count >= 80)
            {
                break;
            }

            if (!list.Contains(stock.Symbol, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(stock.Symbol);
            }
        }

        return list;
    }

    private static EdgeJournal? OpenDemoJournal(CommandContext ctx)
    {
        string dir = Path.GetDirectoryName(ctx.Settings.JournalPath) ?? ".";
        try
        {
            Directory.CreateDirectory(dir);
            return EdgeJournal.Open(Path.Combine(dir, "demo-journal.db"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            ctx.Err.WriteLine($"edge demo: the demo journal cannot be opened in {dir} ({ex.Message}); events are not journaled.");
            return null;
        }
    }
}
