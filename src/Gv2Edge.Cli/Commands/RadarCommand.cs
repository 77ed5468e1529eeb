using System.Globalization;
using System.Text.Json.Nodes;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Scan;
using Gv2Edge.Tws.Errors;

namespace Gv2Edge.Cli.Commands;

/// <summary>
/// <c>edge radar [--symbols A,B | --universe FILE | --scanner CODES] [--interval D]</c>: the anomaly radar (volume
/// spike against the symbol's own average to this time, gap, volatility surge against ATR), sorted by score.
/// </summary>
public static partial class RadarCommand
{
    public static readonly CommandSpec Spec = new(
        "radar",
        "anomaly radar: volume vs the symbol's own average to this time, gap vs previous close, range vs ATR(14), scored",
        "edge radar [--symbols A,B | --universe FILE | --scanner CODES|default] [--min-price 0.0001] [--max-price 20] [--min-volume 0] "
            + "[--interval 60s [--scans N]] [--cache-dir DIR | --no-cache] [--all] [--json]",
        16,
        ["symbols", "universe", "scanner", "min-price", "max-price", "min-volume", "interval", "scans", "cache-dir"],
        ["no-cache", "all"],
        Run);

    private static async Task<int> Run(CommandContext ctx)
    {
        RadarScanOptions options = Options(ctx);
        UniverseSource universe = Universe(ctx, options);
        TimeSpan? interval = ctx.Args.GetDuration("interval");
        if (interval is { } i && i < TimeSpan.FromSeconds(1))
        {
            throw new UsageException("--interval must be at least 1s.");
        }

        int? scans = ctx.Args.GetInt("scans", 1, 1_000_000);
        if (scans is not null && interval is null)
        {
            throw new UsageException("--scans counts the scans of continuous mode: give --interval too.");
        }

        await using GatewaySession gateway = await GatewaySession.ConnectAsync(ctx).ConfigureAwait(false);
        var market = new MarketDataService(gateway.Client, gateway.Sessions);
        var service = new RadarScanService(gateway.Client, market, options);
        try
        {
            return interval is { } every
                ? await ContinuousAsync(ctx, service, gateway, universe, every, scans).ConfigureAwait(false)
                : await OnceAsync(ctx, service, gateway, universe).ConfigureAwait(false);
        }
        catch (TwsException ex) when (ex.Code is TwsErrorCodes.ConnectionLost or TwsErrorCodes.NotConnected or TwsErrorCodes.ClientDisposed)
        {
            throw new GatewayUnavailableException($"The connection to the gateway was lost during the scan ({ex.IbMessage}). Check IB Gateway / TWS and run the scan again.");
        }
    }

    private static RadarScanOptions Options(CommandContext ctx)
    {
        var anomaly = new AnomalyOptions
        {
            MinPrice = ctx.Args.GetDouble("min-price", 0, 1e9) ?? 0.0001,
            MaxPrice = ctx.Args.GetDouble("max-price", 0, 1e9) ?? 20,
        };
        if (anomaly.MinPrice > anomaly.MaxPrice)
        {
            throw new UsageException($"--min-price ({anomaly.MinPrice.ToString(CultureInfo.InvariantCulture)}) is above --max-price ({anomaly.MaxPrice.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (ctx.Args.Has("no-cache") && ctx.Args.Get("cache-dir") is not null)
        {
            throw new UsageException("give either --cache-dir or --no-cache, not both.");
        }

        return new RadarScanOptions
        {
            Anomaly = anomaly,
            MinVolume = ctx.Args.GetDouble("min-volume", 0, 1e12) ?? 0,
            CacheDirectory = ctx.Args.Has("no-cache") ? null : ctx.Args.Get("cache-dir") ?? DefaultCacheDirectory(),
        };
    }

    /// <summary>Where baselines are cached by default: the user's local application data, beside the journal.</summary>
    public static string DefaultCacheDirectory()
        => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "gv2-edge", "radar-cache");

    private static UniverseSource Universe(
        CommandContext ctx, RadarScanOptions options)
    {
        IReadOnlyList<string> named = [.. ctx.Args.GetAll("symbols"), .. ctx.Args.Positional];
        string? file = ctx.Args.Get("universe");
        IReadOnlyList<string> codes = ctx.Args.GetAll("scanner");
        if ((named.Count > 0 ? 1 : 0) + (file is null ? 0 : 1) + (codes.Count > 0 ? 1 : 0) > 1)
        {
            throw new UsageException("give one of --symbols, --universe or --scanner.");
        }

        if (codes.Count > 0)
        {
            IReadOnlyList<string> list = codes is ["default"] or ["DEFAULT"] ? ScannerUniverse.DefaultCodes : codes;
            if (list.Count > ScannerUniverse.MaxCodes)
            {
                throw new UsageException($"--scanner takes at most {ScannerUniverse.MaxCodes} scan codes (IB runs at most {ScannerUniverse.MaxCodes} scans at once).");
            }

            return async (gateway, ct) =>
            {
                ScannerUniverseResult r = await ScannerUniverse.LoadAsync(gateway.Client, list, options.Anomaly, options.MinVolume, ct).ConfigureAwait(false);
                return (r.Targets, r.Problems);
            };
        }

        IReadOnlyList<RadarTarget> fixedTargets;
        try
        {
            fixedTargets = named.Count > 0 ? RadarUniverse.Named(named) : file is not null ? RadarUniverse.FromFile(file) : RadarUniverse.Default();
        }
        catch (Exception ex) when (ex is FileNotFoundException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--universe: {ex.Message}");
        }

        return (_, _) => Task.FromResult<(IReadOnlyList<RadarTarget>, IReadOnlyList<SymbolError>)>((fixedTargets, []));
    }
}
