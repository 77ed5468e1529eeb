using System.Globalization;
using System.Text.Json.Nodes;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Radar.Flow;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Tws.Errors;

namespace Gv2Edge.Cli.Commands;

/// <summary>
/// <c>edge flow SYMBOL... | --symbols A,B | --universe FILE</c>: options flow from OPRA level 1 (the original's
/// <c>get_options_flow_score</c> and <c>scan_options_flow</c>), with a drill-down to single contracts for flagged symbols.
/// </summary>
public static partial class FlowCommand
{
    /// <summary>What OPRA level 1 cannot tell, printed under every table and documented in docs/CLI.md.</summary>
    public const string Limits =
        "Limits: OPRA level 1 has no trade direction (bought or sold is unknown), no sweeps or blocks (IB sends no options "
        + "tick-by-tick), and open interest is the previous day's: volume above open interest suggests new positions, it does not prove them.";

    public static readonly CommandSpec Spec = new(
        "flow",
        "options flow from OPRA level 1: call/put volume and open interest, put/call ratio, target strike, new positions, greeks",
        "edge flow (SYMBOL... | --symbols A,B | --universe FILE) [--drill-down flagged|always|never] [--expirations 2] [--strike-range 15] "
            + "[--max-strikes 10] [--max-lines N] [--rate 0.045] [--dividend-yield 0] [--timeout 60s] [--json]",
        15,
        ["symbols", "universe", "drill-down", "expirations", "strike-range", "max-strikes", "max-lines", "rate", "dividend-yield", "timeout"],
        [],
        Run);

    private static async Task<int> Run(CommandContext ctx)
    {
        IReadOnlyList<string> symbols = Symbols(ctx);
        OptionsFlowServiceOptions options = Options(ctx);
        await using GatewaySession gateway = await GatewaySession.ConnectAsync(ctx).ConfigureAwait(false);
        var market = new MarketDataService(gateway.Client, gateway.Sessions);
        var service = new OptionsFlowService(gateway.Client, market, options);
        // Reported inline (not through Progress<T>, which posts to the thread pool) so no line lands after the table.
        IProgress<int>? progress = symbols.Count < 2 ? null : new InlineProgress(done =>
        {
            if (ctx.IsTerminal)
            {
                ctx.Err.Write($"\rflow: {done}/{symbols.Count}{(done == symbols.Count ? Environment.NewLine : string.Empty)}");
            }
            else if (done % 10 == 0 || done == symbols.Count)
            {
                ctx.Err.WriteLine($"flow: {done}/{symbols.Count} symbols scanned");
            }
        });
        IReadOnlyList<FlowScanEntry> entries;
        try
        {
            entries = await service.ScanManyAsync(symbols, progress, ctx.Cancellation).ConfigureAwait(false);
        }
        catch (TwsException ex) when (ex.Code is TwsErrorCodes.ConnectionLost or TwsErrorCodes.NotConnected or TwsErrorCodes.ClientDisposed)
        {
            throw new GatewayUnavailableException($"the connection to the gateway was lost during the scan ({ex.Message}). Check that IB Gateway/TWS is still running, then run the command again.");
        }

        if (ctx.JsonOutput)
        {
            var array = new JsonArray();
            foreach (FlowScanEntry e in entries)
            {
                array.Add(e.Error is { } error ? QuoteCommand.ErrorEntry(error) : Node(e.Result!));
            }

            ctx.Out.WriteLine(array.ToJsonString(Json.Document));
            ctx.Err.WriteLine(Limits);
        }
        else
        {
            WriteTable(ctx.Out, entries, service);
        }

        return entries.Any(e => e.Error is not null) ? ExitCodes.Partial : ExitCodes.Ok;
    }

    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        private readonly Lock _gate = new();

        public void Report(int value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }

    private static IReadOnlyList<string> Symbols(CommandContext ctx)
    {
        List<string> named = [.. ctx.Args.Positional.SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
        if (named.Count > 0 && ctx.Args.Get("universe") is not null)
        {
            throw new UsageException("name symbols or give --universe FILE, not both.");
        }

        List<string> all = [.. named.Select(s => s.ToUpperInvariant()), .. SymbolList.FromArgs(ctx.Args)];
        return all.Count > 0
            ? [.. all.Distinct(StringComparer.Ordinal)]
            : throw new UsageException("name the symbols to scan: edge flow AAPL TSLA, --symbols AAPL,TSLA or --universe FILE.");
    }

    private static OptionsFlowServiceOptions Options(CommandContext ctx)
    {
        FlowDrillDown drill = (ctx.Args.Get("drill-down") ?? "flagged").Trim().ToLowerInvariant() switch
        {
            "flagged" => FlowDrillDown.Flagged,
            "always" => FlowDrillDown.Always,
            "never" => FlowDrillDown.Never,
            string other => throw new UsageException($"--drill-down \"{other}\": use flagged (symbols with a signal), always or never."),
        };
        var defaults = new OptionsFlowServiceOptions();
        return defaults with
        {
            DrillDown = drill,
            Expirations = ctx.Args.GetInt("expirations", 1, 12) ?? defaults.Expirations,
            StrikeRangePct = ctx.Args.GetDouble("strike-range", 0.1, 100) ?? defaults.StrikeRangePct,
            MaxStrikesPerExpiry = ctx.Args.GetInt("max-strikes", 1, 100) ?? defaults.MaxStrikesPerExpiry,
            MaxLines = ctx.Args.GetInt("max-lines", 1, 10_000),
            RiskFreeRate = ctx.Args.GetDouble("rate", -0.5, 0.5) ?? defaults.RiskFreeRate,
            DividendYield = ctx.Args.GetDouble("dividend-yield", -0.5, 0.5) ?? defaults.DividendYield,
            SymbolTimeout = ctx.Args.GetDuration("timeout") is { } t
                ? (t > TimeSpan.Zero ? t : throw new UsageException("--timeout must be positive, e.g. 60s."))
                : defaults.SymbolTimeout,
        };
    }
}
