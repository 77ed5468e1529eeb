using System.Globalization;
using System.Text.Json.Nodes;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Market;
using Gv2Edge.Radar.Quotes;

namespace Gv2Edge.Cli.Commands;

/// <summary><c>edge gaps --session pre|post [--min-gap 3] [--min-volume 10000] [--symbols A,B | --universe FILE]</c>.</summary>
public static class GapsCommand
{
    public static readonly CommandSpec Spec = new(
        "gaps",
        "extended-hours gap scan: pre-market vs previous close, after hours vs today's close, sorted by |gap|",
        "edge gaps --session pre|post [--min-gap 3] [--min-volume 10000] (--symbols A,B | --universe FILE) [--json]",
        4,
        ["session", "min-gap", "min-volume", "symbols", "universe"],
        [],
        Run);

    private static async Task<int> Run(CommandContext ctx)
    {
        MarketSession session = (ctx.Args.Get("session") ?? "pre").Trim().ToLowerInvariant() switch
        {
            "pre" => MarketSession.Pre,
            "post" => MarketSession.Post,
            string other => throw new UsageException($"--session \"{other}\": use pre (pre-market) or post (after hours)."),
        };
        double minGap = ctx.Args.GetDouble("min-gap", 0, 1000) ?? 3;
        double minVolume = ctx.Args.GetDouble("min-volume", 0, 1e12) ?? 10_000;
        IReadOnlyList<string> symbols = Symbols(ctx);
        await using GatewaySession gateway = await GatewaySession.ConnectAsync(ctx).ConfigureAwait(false);
        var service = new MarketDataService(gateway.Client, gateway.Sessions);
        var options = new GapScanOptions(session, minGap, (decimal)minVolume, Math.Max(1, Math.Min(8, ctx.Settings.Ibkr.ReservedLines)));
        IProgress<int>? progress = ctx.IsTerminal
            ? new Progress<int>(done => ctx.Err.Write($"\rscanning {done}/{symbols.Count}{(done == symbols.Count ? Environment.NewLine : string.Empty)}"))
            : null;
        GapScanResult result = await GapScanner.ScanAsync(service, symbols, options, progress, ctx.Cancellation).ConfigureAwait(false);
        if (ctx.JsonOutput)
        {
            var array = new JsonArray();
            foreach (GapRow row in result.Rows)
            {
                array.Add(System.Text.Json.JsonSerializer.SerializeToNode(row, Json.Document));
            }

            foreach (SymbolError e in result.Errors)
            {
                array.Add(QuoteCommand.ErrorEntry(e));
            }

            ctx.Out.WriteLine(array.ToJsonString(Json.Document));
        }
        else
        {
            ctx.Out.WriteLine($"{session.ToName()} gaps of {result.Day:yyyy-MM-dd} (|gap| >= {minGap.ToString(CultureInfo.InvariantCulture)}%, volume >= {minVolume.ToString("#,0", CultureInfo.InvariantCulture)}): {result.Rows.Count} of {symbols.Count} symbols");
            foreach (GapRow r in result.Rows)
            {
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Symbol,-6} {r.GapPct,+8:+0.00;-0.00}%  last {r.Last,10:0.00##}  {r.ReferenceKind} {r.Reference,10:0.00##}  volume {r.Volume,12:#,0}"));
            }

            foreach (SymbolError e in result.Errors)
            {
                ctx.Out.WriteLine($"{e.Symbol,-6} error {e.Code}: {e.Message}");
            }
        }

        return result.Errors.Count > 0 ? ExitCodes.Partial : ExitCodes.Ok;
    }

    private static IReadOnlyList<string> Symbols(CommandContext ctx)
    {
        IReadOnlyList<string> listed = [.. ctx.Args.GetAll("symbols"), .. ctx.Args.Positional];
        string? file = ctx.Args.Get("universe");
        if (file is not null && listed.Count > 0)
        {
            throw new UsageException("give either --symbols or --universe, not both.");
        }

        if (file is null)
        {
            return listed.Count > 0 ? listed : throw new UsageException("name the symbols to scan: --symbols AAPL,TSLA or --universe FILE.");
        }

        try
        {
            return UniverseFile.Load(file);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--universe: {ex.Message}");
        }
    }
}
