using System.Globalization;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Tws.Simulator;
using Gv2Edge.Tws.Simulator.Load;
using Gv2Edge.Tws.Simulator.Scenarios;

namespace Gv2Edge.Cli.Commands;

/// <summary>
/// <c>edge sim</c>: the IB Gateway simulator on a loopback port, for any TWS API client (ours, ib_async, IBKR's own).
/// </summary>
public static class SimCommand
{
    public static readonly CommandSpec Spec = new(
        "sim",
        "run the IB Gateway simulator on a loopback port (default 4002) until Ctrl+C",
        "edge sim [--port 4002] [--scenario NAME|FILE] [--seed N] [--speed X] [--start \"2026-11-24 09:25\"] [--server-version N] [--lines N] [--load RATE|max] [--load-move PCT] [--load-stamp TICKTYPE] [--duration 10m] [--list-scenarios]",
        0,
        ["scenario", "seed", "speed", "start", "server-version", "lines", "duration", "load", "load-move", "load-stamp"],
        ["list-scenarios"],
        Run);

    private static async Task<int> Run(CommandContext ctx)
    {
        if (ctx.Args.Has("list-scenarios"))
        {
            foreach (string name in BuiltInScenarios.Names)
            {
                Scenario s = BuiltInScenarios.Resolve(name);
                ctx.Out.WriteLine($"{s.Name,-18} {s.Description}");
            }

            return ExitCodes.Ok;
        }

        // A gateway for other clients: step the universe in the background so a first scan late in the day is quick.
        SimulatorOptions options = BuildOptions(ctx, ctx.Settings.Ibkr.Port) with { WarmUp = true };
        await using var sim = new GatewaySimulator(options);
        try
        {
            await sim.StartAsync(ctx.Cancellation).ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new UsageException($"cannot listen on 127.0.0.1:{options.Port}: {ex.Message}. Is IB Gateway or another simulator already using that port? Pick another with --port.");
        }

        string start = sim.Clock.NowEt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (ctx.JsonOutput)
        {
            ctx.WriteJson(new { host = "127.0.0.1", port = sim.Port, serverVersion = options.ServerVersion, scenario = sim.Scenario.Name, marketTime = start, speed = options.Speed, lines = options.Lines });
        }
        else
        {
            ctx.Out.WriteLine($"IB Gateway simulator listening on 127.0.0.1:{sim.Port} (server version up to {options.ServerVersion}, {options.Lines} lines).");
            ctx.Out.WriteLine($"Scenario {sim.Scenario.Name}: {sim.Scenario.Description}");
            ctx.Out.WriteLine($"Market clock {start} ET at {options.Speed.ToString(CultureInfo.InvariantCulture)}x. Connect with: edge run --port {sim.Port}. Ctrl+C stops.");
        }

        if (options.Load is { } load)
        {
            string rate = double.IsPositiveInfinity(load.TicksPerSecond) ? "as fast as clients read" : $"{load.TicksPerSecond:N0} ticks/s";
            ctx.Err.WriteLine($"LOAD MODE ({rate}, {load.MovePercent.ToString(CultureInfo.InvariantCulture)}% price moves): streaming lines get pre-encoded tickPrice/tickSize frames instead of the market model. NOT IB-faithful; for benchmarks only.");
        }

        ctx.Out.Flush();
        TimeSpan? duration = ctx.Args.GetDuration("duration");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.Cancellation);
        if (duration is { } d)
        {
            stop.CancelAfter(d);
        }

        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), stop.Token).ConfigureAwait(false);
                string loadLine = sim.LoadStatistics is { } ls ? $", load frames sent {ls.FramesSent:N0} (behind {ls.FramesBehind:N0})" : "";
                ctx.Err.WriteLine($"[{sim.Clock.NowEt:HH:mm:ss} ET] connections {sim.ConnectionCount}, client messages in the last second {sim.MessagesInLastSecond}, total {sim.MessagesReceived}{loadLine}");
            }
        }
        catch (OperationCanceledException)
        {
        }

        return ExitCodes.Ok;
    }

    /// <summary>Simulator options from the command line (shared by <c>edge sim</c> and <c>edge demo</c>).</summary>
    public static SimulatorOptions BuildOptions(CommandContext ctx, int port, string defaultScenario = "demo", double defaultSpeed = 1)
    {
        string scenarioName = ctx.Args.Get("scenario") ?? defaultScenario;
        try
        {
            BuiltInScenarios.Resolve(scenarioName);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--scenario: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or FormatException or System.Text.Json.JsonException)
        {
            throw new UsageException($"--scenario: the file {scenarioName} cannot be read: {ex.Message}");
        }

        DateTime? start = null;
        if (ctx.Args.Get("start") is { } startText)
        {
            start = Market.ExchangeTime.ToExchange(SessionCommand.ParseTime(startText, "--start")).DateTime;
        }

        var options = new SimulatorOptions
        {
            Port = port,
            Scenario = scenarioName,
            Seed = (ulong)(ctx.Args.GetInt("seed", 0) ?? 1),
            Speed = ctx.Args.GetDouble("speed", 0.01, 1000) ?? defaultSpeed,
            Start = start,
            ServerVersion = ctx.Args.GetInt("server-version", Tws.Protocol.ServerVersions.MinSupported, Tws.Protocol.ServerVersions.MaxSupported) ?? Tws.Protocol.ServerVersions.MaxSupported,
            Lines = ctx.Args.GetInt("lines", 1, 10_000) ?? 100,
            Load = ParseLoad(ctx),
            // IB counts its 50 messages/s and historical pacing in real seconds, whatever the market speed.
            LimitsClock = LimitsClock.Driving,
        };
        return options;
    }

    /// <summary><c>--load 50000|50k|2m|max</c> (ticks per second), <c>--load-move PCT</c>, <c>--load-stamp TICKTYPE</c>.</summary>
    private static LoadOptions? ParseLoad(CommandContext ctx)
    {
        if (ctx.Args.Get("load") is not { } text)
        {
            if (ctx.Args.Get("load-move") is not null || ctx.Args.Get("load-stamp") is not null)
            {
                throw new UsageException("--load-move and --load-stamp need --load RATE.");
            }

            return null;
        }

        return new LoadOptions
        {
            TicksPerSecond = ParseRate(text),
            MovePercent = ctx.Args.GetDouble("load-move", 0, 50) ?? 3,
            StampTickType = ctx.Args.GetInt("load-stamp", 0, 1_000),
        };
    }

    internal static double ParseRate(string text)
    {
        string t = text.Trim().ToLowerInvariant();
        if (t is "max" or "inf" or "unlimited")
        {
            return double.PositiveInfinity;
        }

        double multiplier = 1;
        if (t.EndsWith('k'))
        {
            multiplier = 1_000;
            t = t[..^1];
        }
        else if (t.EndsWith('m'))
        {
            multiplier = 1_000_000;
            t = t[..^1];
        }

        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) || !(n > 0) || double.IsInfinity(n))
        {
            throw new UsageException($"--load: \"{text}\" is not a rate; give ticks per second (50000, 50k, 2m) or max.");
        }

        return n * multiplier;
    }
}
