using System.Globalization;
using System.Text.Json.Nodes;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Services;

namespace Gv2Edge.Cli.Commands;

/// <summary><c>edge quote SYMBOL... [--extended]</c>: level-1 quotes with session, change and gap.</summary>
public static class QuoteCommand
{
    public static readonly CommandSpec Spec = new(
        "quote",
        "level-1 quotes with session, change vs previous close and gap (--extended: pre-market high/low/volume)",
        "edge quote SYMBOL [SYMBOL...] [--extended] [--json]",
        2,
        [],
        ["extended"],
        Run);

    private static async Task<int> Run(CommandContext ctx)
    {
        IReadOnlyList<string> symbols = ctx.Args.Positional.SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (symbols.Count == 0)
        {
            throw new UsageException("name at least one symbol, e.g. edge quote AAPL MSFT.");
        }

        bool extended = ctx.Args.Has("extended");
        await using GatewaySession gateway = await GatewaySession.ConnectAsync(ctx).ConfigureAwait(false);
        var service = new MarketDataService(gateway.Client, gateway.Sessions);
        var results = await Task.WhenAll(symbols.Select(async s =>
        {
            try
            {
                (Quote q, ExtendedHours? x) = extended
                    ? await service.GetExtendedQuoteAsync(s, ctx.Cancellation).ConfigureAwait(false)
                    : (await service.GetQuoteAsync(s, ctx.Cancellation).ConfigureAwait(false), null);
                return (Quote: q, Extended: x, Error: (SymbolError?)null);
            }
            catch (SymbolException ex)
            {
                return (null!, null, new SymbolError(ex.Symbol.Trim().ToUpperInvariant(), ex.Code, ex.Message));
            }
        })).ConfigureAwait(false);
        bool anyError = results.Any(r => r.Error is not null);
        if (ctx.JsonOutput)
        {
            var array = new JsonArray();
            foreach (var r in results)
            {
                array.Add(r.Error is { } e ? ErrorEntry(e) : QuoteNode(r.Quote, r.Extended));
            }

            ctx.Out.WriteLine(array.ToJsonString(Json.Document));
        }
        else
        {
            foreach (var r in results)
            {
                ctx.Out.WriteLine(r.Error is { } e ? $"{e.Symbol,-6} error {e.Code}: {e.Message}" : Line(r.Quote, r.Extended));
            }
        }

        return anyError ? ExitCodes.Partial : ExitCodes.Ok;
    }

    /// <summary>The contract's per-symbol error entry <c>{"symbol", "error": {"code", "message"}}</c>.</summary>
    public static JsonObject ErrorEntry(SymbolError e) => new()
    {
        ["symbol"] = e.Symbol,
        ["error"] = new JsonObject { ["code"] = e.Code, ["message"] = e.Message },
    };

    /// <summary>A quote's JSON, with the extended-hours fields appended when given.</summary>
    public static JsonObject QuoteNode(Quote q, ExtendedHours? x)
    {
        var node = (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(q, Json.Document)!;
        if (x is not null)
        {
            foreach ((string key, JsonNode? value) in ((JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(x, Json.Document)!).ToList())
            {
                node[key] = value?.DeepClone();
            }
        }

        return node;
    }

    private static string Line(Quote q, ExtendedHours? x)
    {
        static string N(double? v, string f = "0.00") => v is { } d ? d.ToString(f, CultureInfo.InvariantCulture) : "-";
        static string V(decimal? v) => v is { } d ? d.ToString("#,0", CultureInfo.InvariantCulture) : "-";
        string text = $"{q.Symbol,-6} {q.Session,-6} last {N(q.Last)}  bid {N(q.Bid)} x {V(q.BidSize)}  ask {N(q.Ask)} x {V(q.AskSize)}  "
            + $"vol {V(q.Volume)}  prev {N(q.PrevClose)}  chg {N(q.ChangePct)}%  gap {N(q.GapPct)}%  [{q.MarketDataType}]{(q.Halted == true ? " HALTED" : string.Empty)}";
        return x is null ? text
            : text + $"\n       ref {N(x.Reference)} ({x.ReferenceKind})  ext vol {V(x.ExtendedVolume)}  pre-market high {N(x.PreMarketHigh)} low {N(x.PreMarketLow)} vol {V(x.PreMarketVolume)}";
    }
}
