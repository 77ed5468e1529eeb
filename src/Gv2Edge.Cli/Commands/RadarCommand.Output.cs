using System.Globalization;
using System.Text.Json.Nodes;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Scan;

namespace Gv2Edge.Cli.Commands;

public static partial class RadarCommand
{
    /// <summary>Gives the symbols of one scan and the scanner codes that failed.</summary>
    private delegate Task<(IReadOnlyList<RadarTarget> Targets, IReadOnlyList<SymbolError> Problems)> UniverseSource(GatewaySession gateway, CancellationToken cancellationToken);

    private static async Task<int> OnceAsync(CommandContext ctx, RadarScanService service, GatewaySession gateway, UniverseSource universe)
    {
        (IReadOnlyList<RadarTarget> targets, IReadOnlyList<SymbolError> problems) = await universe(gateway, ctx.Cancellation).ConfigureAwait(false);
        ReportProblems(ctx, problems);
        using var bar = new ProgressBar(ctx, targets.Count);
        RadarScanResult result = await service.ScanAsync(targets, bar.Progress, ctx.Cancellation).ConfigureAwait(false);
        bar.Finish();
        if (ctx.JsonOutput)
        {
            var array = new JsonArray();
            foreach (RadarRow row in Shown(ctx, result))
            {
                array.Add(RowNode(row));
            }

            var withRow = result.Rows.Select(r => r.Symbol).ToHashSet(StringComparer.Ordinal);
            foreach (SymbolError e in result.Errors.Where(e => !withRow.Contains(e.Symbol)))
            {
                array.Add(QuoteCommand.ErrorEntry(e));
            }

            ctx.Out.WriteLine(array.ToJsonString(Json.Document));
        }
        else
        {
            ctx.Out.WriteLine($"radar {result.Session} {result.TradingDay:yyyy-MM-dd}: {result.Rows.Count} of {targets.Count} symbols at score >= {service.Options.Anomaly.EmitScore.ToString(CultureInfo.InvariantCulture)}, {result.Suspects.Count} suspects");
            foreach (RadarRow r in Shown(ctx, result))
            {
                ctx.Out.WriteLine(Line(r));
            }

            foreach (SymbolError e in result.Errors)
            {
                ctx.Out.WriteLine($"{e.Symbol,-6} error {e.Code}: {e.Message}");
            }
        }

        WriteSummary(ctx, result);
        return result.Errors.Count > 0 || problems.Count > 0 ? ExitCodes.Partial : ExitCodes.Ok;
    }

    private static async Task<int> ContinuousAsync(CommandContext ctx, RadarScanService service, GatewaySession gateway, UniverseSource universe,
        TimeSpan interval, int? scans)
    {
        bool anyError = false;
        int count = 0;
        var problems = new List<SymbolError>();
        await foreach (RadarScanResult result in service.RunAsync(async ct =>
        {
            (IReadOnlyList<RadarTarget> targets, IReadOnlyList<SymbolError> p) = await universe(gateway, ct).ConfigureAwait(false);
            problems.AddRange(p);
            return targets;
        }, interval, ctx.Cancellation).ConfigureAwait(false))
        {
            count++;
            ReportProblems(ctx, problems);
            anyError |= result.Errors.Count > 0 || problems.Count > 0;
            problems.Clear();
            var fresh = result.NewSuspects.ToHashSet(StringComparer.Ordinal);
            foreach (RadarRow row in result.Rows.Where(r => fresh.Contains(r.Symbol)))
            {
                ctx.Out.WriteLine(ctx.JsonOutput ? RowNode(row).ToJsonString(Json.Lines) : $"{result.Time:HH:mm:ss} new suspect {Line(row)}");
            }

            foreach (SymbolError e in result.Errors)
            {
                ctx.Err.WriteLine($"radar: {e.Symbol} error {e.Code}: {e.Message}");
            }

            WriteSummary(ctx, result);
            await ctx.Out.FlushAsync(ctx.Cancellation).ConfigureAwait(false);
            if (count >= scans)
            {
                break;
            }
        }

        return anyError ? ExitCodes.Partial : ExitCodes.Ok;
    }

    /// <summary>The emitted rows, or with <c>--all</c> every symbol scored (below the emit score too).</summary>
    private static IReadOnlyList<RadarRow> Shown(CommandContext ctx, RadarScanResult result) => ctx.Args.Has("all") ? result.Scored : result.Rows;

    /// <summary>A row with exactly the contract's fields, rounded for display.</summary>
    public static JsonObject RowNode(RadarRow r) => new()
    {
        ["symbol"] = r.Symbol,
        ["types"] = new JsonArray([.. r.Types.Select(t => (JsonNode?)JsonValue.Create(t))]),
        ["score"] = Round(r.Score, 4),
        ["gapPct"] = Round(r.GapPct, 4),
        ["volumeRatio"] = Round(r.VolumeRatio, 4),
        ["rangeToAtr"] = Round(r.RangeToAtr, 4),
        ["last"] = Round(r.Last, 6),
        ["prevClose"] = Round(r.PrevClose, 6),
        ["volume"] = Round(r.Volume, 0),
        ["avgVolumeToTime"] = Round(r.AvgVolumeToTime, 0),
        ["atr"] = Round(r.Atr, 6),
        ["session"] = r.Session,
        ["dataQuality"] = r.DataQuality,
    };

    private static double? Round(double? v, int digits) => v is { } d && double.IsFinite(d) ? Math.Round(d, digits) : null;

    private static string Line(RadarRow r)
    {
        static string N(double? v, string f) => v is { } d ? d.ToString(f, CultureInfo.InvariantCulture) : "-";
        return $"{r.Symbol,-6} {r.Score.ToString("0.00", CultureInfo.InvariantCulture)}  {string.Join('+', r.Types),-34} gap {N(r.GapPct, "+0.00;-0.00"),7}%  "
            + $"vol x{N(r.VolumeRatio, "0.0"),-5} range/ATR {N(r.RangeToAtr, "0.0"),-4} last {N(r.Last, "0.00##")}  [{r.Session} {r.DataQuality}]"
            + (r.Anomalies.Count > 0 ? $"\n       {string.Join("; ", r.Anomalies.Select(a => a.Reason))}" : string.Empty);
    }

    private static void ReportProblems(CommandContext ctx, IReadOnlyList<SymbolError> problems)
    {
        foreach (SymbolError p in problems)
        {
            ctx.Err.WriteLine($"radar: {p.Message}");
        }
    }

    private static void WriteSummary(CommandContext ctx, RadarScanResult result)
    {
        RadarScanStats s = result.Stats;
        ctx.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"radar: {s.Symbols} symbols in {s.Elapsed.TotalSeconds:0.0} s ({s.Quotes} quotes, {s.HistoricalRequests} historical requests, {s.ContractLookups} contract lookups, {s.CacheHits} baselines from the cache, {s.FilteredOut} filtered out{(s.AverageVolumeBaselines > 0 ? $", {s.AverageVolumeBaselines} volume baselines from IB's average volume" : string.Empty)}); {result.Rows.Count} rows, {result.Suspects.Count} suspects, {result.Errors.Count} errors"));
        if (s.CacheProblem is { } problem)
        {
            ctx.Err.WriteLine($"radar: {problem}");
        }
    }

    /// <summary>A one-line progress bar on stderr, only when a person is watching it.</summary>
    private sealed class ProgressBar : IDisposable
    {
        private readonly CommandContext _ctx;
        private readonly int _total;
        private readonly bool _visible;
        private readonly Lock _gate = new();
        private int _shown = -1;

        public ProgressBar(CommandContext ctx, int total)
        {
            _ctx = ctx;
            _total = total;
            _visible = total > 0 && (ctx.IsTerminal || (ReferenceEquals(ctx.Err, Console.Error) && !Console.IsErrorRedirected));
            Progress = _visible ? new SyncProgress(this) : null;
        }

        public IProgress<RadarScanProgress>? Progress { get; }

        public void Finish()
        {
            if (_visible && _shown >= 0)
            {
                _ctx.Err.WriteLine();
            }
        }

        public void Dispose()
        {
        }

        private void Show(RadarScanProgress p)
        {
            lock (_gate)
            {
                // Redraw at most once per percent: the bar is for eyes, not a log.
                int percent = p.Done * 100 / _total;
                if (percent == _shown && p.Done != p.Total)
                {
                    return;
                }

                _shown = percent;
                int filled = percent * 30 / 100;
                _ctx.Err.Write($"\rscanning [{new string('#', filled)}{new string('-', 30 - filled)}] {p.Done}/{p.Total}");
            }
        }

        private sealed class SyncProgress(ProgressBar bar) : IProgress<RadarScanProgress>
        {
            public void Report(RadarScanProgress value) => bar.Show(value);
        }
    }
}
