using System.Globalization;
using System.Text.RegularExpressions;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Services;

namespace Gv2Edge.Cli.Commands;

/// <summary><c>edge bars SYMBOL --duration "1 D" --bar-size "5 mins" [--rth]</c>: TRADES bars with their session.</summary>
public static partial class BarsCommand
{
    public static readonly CommandSpec Spec = new(
        "bars",
        "historical TRADES bars (extended hours unless --rth), times in ET with offset, session per bar",
        "edge bars SYMBOL [--duration \"1 D\"] [--bar-size \"5 mins\"] [--rth] [--end TIME] [--json]",
        3,
        ["duration", "bar-size", "end"],
        ["rth"],
        Run);

    private static readonly string[] BarSizes =
    [
        "1 secs", "5 secs", "10 secs", "15 secs", "30 secs", "1 min", "2 mins", "3 mins", "5 mins", "10 mins", "15 mins", "20 mins",
        "30 mins", "1 hour", "2 hours", "3 hours", "4 hours", "8 hours", "1 day", "1 week", "1 month",
    ];

    private static async Task<int> Run(CommandContext ctx)
    {
        if (ctx.Args.Positional.Count != 1)
        {
            throw new UsageException("name exactly one symbol, e.g. edge bars AAPL --duration \"1 D\" --bar-size \"5 mins\".");
        }

        string duration = ctx.Args.Get("duration") ?? "1 D";
        if (!DurationPattern().IsMatch(duration))
        {
            throw new UsageException($"--duration \"{duration}\" is not an IB duration; use a number and S, D, W, M or Y, e.g. \"1 D\" or \"3600 S\".");
        }

        string barSize = ctx.Args.Get("bar-size") ?? "5 mins";
        if (!BarSizes.Contains(barSize))
        {
            throw new UsageException($"--bar-size \"{barSize}\" is not an IB bar size; use one of: {string.Join(", ", BarSizes)}.");
        }

        DateTimeOffset? end = ctx.Args.Get("end") is { } e ? SessionCommand.ParseTime(e, "--end") : null;
        string symbol = ctx.Args.Positional[0];
        await using GatewaySession gateway = await GatewaySession.ConnectAsync(ctx).ConfigureAwait(false);
        var service = new MarketDataService(gateway.Client, gateway.Sessions);
        IReadOnlyList<BarRow> bars;
        try
        {
            bars = await service.GetBarsAsync(symbol, duration.ToUpperInvariant(), barSize, ctx.Args.Has("rth"), end, ctx.Cancellation).ConfigureAwait(false);
        }
        catch (SymbolException ex)
        {
            if (ctx.JsonOutput)
            {
                ctx.Out.WriteLine(new System.Text.Json.Nodes.JsonArray(QuoteCommand.ErrorEntry(new SymbolError(ex.Symbol.Trim().ToUpperInvariant(), ex.Code, ex.Message))).ToJsonString(Json.Document));
            }

            ctx.Err.WriteLine($"edge bars: {ex.Message}");
            return ExitCodes.Partial;
        }

        if (ctx.JsonOutput)
        {
            ctx.WriteJson(bars);
            return ExitCodes.Ok;
        }

        foreach (BarRow b in bars)
        {
            string vol = b.Volume is { } v ? v.ToString("#,0", CultureInfo.InvariantCulture) : "-";
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{b.Time:yyyy-MM-dd HH:mm:ss zzz} {b.Session ?? "",-4} O {b.Open,10:0.00##} H {b.High,10:0.00##} L {b.Low,10:0.00##} C {b.Close,10:0.00##} V {vol,12}"));
        }

        ctx.Err.WriteLine($"{bars.Count} bars of {symbol.ToUpperInvariant()} ({duration}, {barSize}, {(ctx.Args.Has("rth") ? "regular hours only" : "extended hours included")}).");
        return ExitCodes.Ok;
    }

    [GeneratedRegex(@"^\d{1,5} [SDWMYsdwmy]$")]
    private static partial Regex DurationPattern();
}
