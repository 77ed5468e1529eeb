using Gv2Edge.Cli.Journal;
using Gv2Edge.Market;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Services;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Tws.Errors;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>What one options-flow scan found, as the app uses it (adapted from the options-flow service).</summary>
/// <param name="Symbol">Underlying.</param>
/// <param name="Score">Max of the signal scores, 0–1.</param>
/// <param name="PutCallRatio">Put/call volume ratio, null without call volume.</param>
/// <param name="Signals">The signals that fired, journaled one row each.</param>
/// <param name="TopSignal">The strongest signal's type, or null without signals.</param>
public sealed record FlowFinding(string Symbol, double Score, double? PutCallRatio, IReadOnlyList<FlowSignalRecord> Signals, string? TopSignal = null);

/// <summary>The services the scans call; each is optional (null: that part is skipped).</summary>
public sealed record ScanServices
{
    /// <summary>Quotes (immediate scan of a HOT symbol) and gap scans.</summary>
    public MarketDataService? Quotes { get; init; }

    /// <summary>Options flow of one underlying (on HOT symbols).</summary>
    public Func<string, CancellationToken, Task<FlowFinding?>>? Flow { get; init; }

    /// <summary>The anomaly radar over symbols (on the radar interval, and for a HOT symbol).</summary>
    public Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<AnomalyRecord>>>? Radar { get; init; }
}

/// <summary>How often the periodic scans run (on the pipeline's clock).</summary>
/// <param name="RadarInterval">Anomaly radar over the universe. Default 5 min.</param>
/// <param name="GapInterval">Gap scan during PRE (against the previous close) and POST (against the regular close). Default 10 min.</param>
/// <param name="GapCandidates">Symbols a gap scan reads (HOT/WARM first, then the largest moves in the store): one history request each. Default 20.</param>
/// <param name="RadarOnInterval">Run the radar over every symbol on its interval (false: only on symbols promoted to HOT). Default true.</param>
public sealed record ScanSchedule(TimeSpan? RadarInterval = null, TimeSpan? GapInterval = null, int GapCandidates = 20, bool RadarOnInterval = true)
{
    /// <summary>Radar interval in effect.</summary>
    public TimeSpan Radar => RadarInterval ?? TimeSpan.FromMinutes(5);

    /// <summary>Gap interval in effect.</summary>
    public TimeSpan Gaps => GapInterval ?? TimeSpan.FromMinutes(10);
}

/// <summary>
/// The scans around the streaming engine: the immediate scan of a symbol promoted to HOT (quote, options flow, radar:
/// the engine's <see cref="StreamingEngine.ImmediateScan"/> hook), the radar on an interval, and the gap scans in
/// their sessions. Results go to the dashboard (options-flow leaders, radar suspects, the watch list's gap) and to the
/// journal (anomalies, options-flow signals). A failed scan is counted and said once on stderr; it never stops the run.
/// </summary>
public sealed class ScanCoordinator(LivePipeline pipeline, DashboardFeed feed, ScanServices services, EdgeJournal? journal, TextWriter err)
{
    private long _scans;
    private long _failures;
    private int _reportedFailure;

    /// <summary>Immediate scans run.</summary>
    public long Scans => Interlocked.Read(ref _scans);

    /// <summary>Scans (or parts of scans) that failed.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Called with each anomaly (radar row or gap row) and its symbol's hot-list level, e.g. to print it; null: nothing.</summary>
    public Action<AnomalyRecord, string?>? AnomalyFound { get; init; }

    /// <summary>Hooks the immediate scan into the streaming engine.</summary>
    public void Attach() => pipeline.Engine.ImmediateScan = ScanNowAsync;

    /// <summary>The immediate scan of <paramref name="symbol"/> (just promoted to HOT).</summary>
    public async Task ScanNowAsync(string symbol, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _scans);
        if (services.Quotes is { } quotes)
        {
            await Guard("quote", symbol, async () => feed.SetQuote(await quotes.GetQuoteAsync(symbol, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        }

        if (services.Flow is { } flow)
        {
            await Guard("options flow", symbol, async () =>
            {
                if (await flow(symbol, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    await RecordFlowAsync(found, cancellationToken).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }

        if (services.Radar is { } radar)
        {
            await Guard("radar", symbol, async () => await RecordAnomaliesAsync(await radar([symbol], cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
                .ConfigureAwait(false);
        }
    }

    /// <summary>Runs the radar on its interval and the gap scans in their sessions until cancelled; both start at once.</summary>
    public async Task RunPeriodicAsync(IReadOnlyList<string> universe, ScanSchedule schedule, CancellationToken cancellationToken)
    {
        DateTimeOffset nextRadar = DateTimeOffset.MinValue, nextGaps = DateTimeOffset.MinValue;
        MarketSession lastGapSession = MarketSession.Closed;
        DateTimeOffset started = pipeline.Clock.GetUtcNow();
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), pipeline.Clock);
            do
            {
                DateTimeOffset now = pipeline.Clock.GetUtcNow();
                // The streaming engine's lines and baselines come first: a radar scan takes the lines free when it starts and
                // queues its history requests behind none, so an early one would hold what the engine is waiting for.
                bool engineReady = (pipeline.Subscriptions.PendingSends == 0 && pipeline.BaselinesLoaded.IsCompleted) || now - started >= TimeSpan.FromMinutes(2);
                if (services.Radar is { } radar && schedule.RadarOnInterval && now >= nextRadar && engineReady)
                {
                    nextRadar = now + schedule.Radar;
                    await Guard("radar", "the universe", async () => await RecordAnomaliesAsync(await radar(universe, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
                        .ConfigureAwait(false);
                }

                MarketSession session = pipeline.Sessions.GetSession(now).Session;
                bool due = now >= nextGaps || session != lastGapSession;
                // The first scan waits for the store to know most symbols (or a minute): its candidates are the largest moves.
                if (services.Quotes is { } quotes && session is MarketSession.Pre or MarketSession.Post && due
                    && (now - started >= TimeSpan.FromMinutes(1) || Priced() * 2 >= universe.Count))
                {
                    nextGaps = now + schedule.Gaps;
                    lastGapSession = session;
                    await Guard("gap scan", session.ToName(), () => GapScanAsync(quotes, session, schedule.GapCandidates, cancellationToken)).ConfigureAwait(false);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The score of a gap at the <c>edge gaps</c> threshold (3%): what a gap row needs, as min(0.5, 5·|gap|).</summary>
    public const double GapThresholdScore = 0.15;

    private int Priced() => pipeline.Store.SnapshotAll().Count(s => s.Updates > 0 && double.IsFinite(s.Last));

    /// <summary>The symbols a gap scan reads: HOT and WARM first, then the store's largest moves against the previous close.</summary>
    public IReadOnlyList<string> GapCandidates(int count)
    {
        var list = pipeline.Engine.HotList.Entries().OrderByDescending(e => e.Priority).Select(e => e.Symbol).ToList();
        foreach (SymbolSnapshot s in pipeline.Store.SnapshotAll().OrderByDescending(s => Math.Abs(GapMath.PercentChange(s.Last, s.PrevClose) ?? 0)))
        {
            if (list.Count >= count)
            {
                break;
            }

            if (!list.Contains(s.Symbol, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(s.Symbol);
            }
        }

        return list.Take(count).ToList();
    }

    private async Task GapScanAsync(MarketDataService quotes, MarketSession session, int candidates, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> symbols = GapCandidates(candidates);
        if (symbols.Count == 0)
        {
            return;
        }

        GapScanResult result = await GapScanner.ScanAsync(quotes, symbols, new GapScanOptions(session), cancellationToken: cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = pipeline.Clock.GetUtcNow();
        var anomalies = result.Rows.Select(r => new AnomalyRecord(now, r.Symbol, Math.Min(0.5, 5 * Math.Abs(r.GapPct) / 100), ["GAP"], new Dictionary<string, object?>
        {
            ["session"] = r.Session,
            ["gapPct"] = r.GapPct,
            ["last"] = r.Last,
            ["reference"] = r.Reference,
            ["referenceKind"] = r.ReferenceKind,
            ["volume"] = r.Volume,
            ["threshold"] = GapThresholdScore,
        })).ToList();
        await RecordAnomaliesAsync(anomalies, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordFlowAsync(FlowFinding found, CancellationToken cancellationToken)
    {
        feed.SetFlow(found);
        if (journal is not null)
        {
            foreach (FlowSignalRecord signal in found.Signals)
            {
                await journal.AppendFlowSignalAsync(signal, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RecordAnomaliesAsync(IReadOnlyList<AnomalyRecord> anomalies, CancellationToken cancellationToken)
    {
        foreach (AnomalyRecord a in anomalies)
        {
            feed.SetSuspect(a);
            AnomalyFound?.Invoke(a, pipeline.Engine.HotList.PriorityOf(a.Symbol).ToWord());
            if (journal is not null)
            {
                await journal.AppendAnomalyAsync(a, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task Guard(string what, string target, Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SymbolException or TwsException or TimeoutException or JournalException or InvalidOperationException)
        {
            Interlocked.Increment(ref _failures);
            if (Interlocked.Exchange(ref _reportedFailure, 1) == 0)
            {
                err.WriteLine($"edge: the {what} of {target} failed ({ex.Message}); scans go on, failures are counted in the summary.");
            }
        }
    }
}
