using Gv2Edge.Cli.Dashboard;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Market;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Tws;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>
/// Builds the dashboard's immutable snapshot from the pipeline: events are added as they pass through the output
/// loop; <see cref="Build"/> reads the client's stats, the hot list and the state store on the render loop's cadence.
/// </summary>
public sealed class DashboardFeed(TwsClient client, LivePipeline pipeline, TimeProvider clock)
{
    private const int FeedSize = 50;
    private readonly Lock _gate = new();
    private readonly LinkedList<FeedRow> _feed = new();
    private readonly Dictionary<string, string> _latest = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RadarSuspect> _blips = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FlowLeader> _flow = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Quote> _quotes = new(StringComparer.OrdinalIgnoreCase);
    private long _events;

    /// <summary>Records an event for the feed, the watch list's "latest event" and the radar suspects.</summary>
    public void Add(RadarEvent e)
    {
        lock (_gate)
        {
            _events++;
            _feed.AddFirst(new FeedRow(e.Id, ExchangeTime.ToExchange(e.Time), e.Symbol, e.Type, e.Reason, e.Priority));
            while (_feed.Count > FeedSize)
            {
                _feed.RemoveLast();
            }

            _latest[e.Symbol] = e.Type;
            if (e.Type is EventTypes.Acceleration or EventTypes.RadarBlip && e.Value is { } score)
            {
                string kind = e.Extra?.TryGetValue("state", out object? st) == true && st is not null ? st.ToString()! : e.Type;
                _blips[e.Symbol] = new RadarSuspect(e.Symbol, score, [kind]);
            }
        }
    }

    /// <summary>The quote of an immediate scan (its gap uses the session's reference: the RTH close after hours).</summary>
    public void SetQuote(Quote quote)
    {
        lock (_gate)
        {
            _quotes[quote.Symbol] = quote;
        }
    }

    /// <summary>An options-flow result for the leaders panel (only symbols with a score or a signal lead).</summary>
    public void SetFlow(FlowFinding found)
    {
        lock (_gate)
        {
            if (found.Score > 0 || found.Signals.Count > 0)
            {
                _flow[found.Symbol] = new FlowLeader(found.Symbol, found.Score, found.PutCallRatio, found.TopSignal ?? found.Signals.FirstOrDefault()?.Type);
            }
        }
    }

    /// <summary>A radar anomaly (or gap-scan row) for the suspects panel; the higher score of a symbol wins.</summary>
    public void SetSuspect(AnomalyRecord anomaly)
    {
        lock (_gate)
        {
            if (!_blips.TryGetValue(anomaly.Symbol, out RadarSuspect? old) || old.Score <= anomaly.Score)
            {
                _blips[anomaly.Symbol] = new RadarSuspect(anomaly.Symbol, anomaly.Score, anomaly.Types);
            }
        }
    }

    /// <summary>Alert counters to show (null: no alerting).</summary>
    public Func<Alerts.AlertCounters>? AlertCounters { get; set; }

    /// <summary>The snapshot to render now.</summary>
    public DashboardSnapshot Build()
    {
        TwsClientStats stats = client.GetStats();
        DateTimeOffset now = clock.GetUtcNow();
        SessionInfo session = pipeline.Sessions.GetSession(now);
        var watch = new List<WatchRow>();
        foreach (HotEntry entry in pipeline.Engine.HotList.Entries().OrderByDescending(h => h.Priority).ThenByDescending(h => h.AddedAt).Take(12))
        {
            SymbolSnapshot? s = pipeline.Store.Snapshot(entry.Symbol);
            string? latest;
            Quote? quote;
            lock (_gate)
            {
                latest = _latest.GetValueOrDefault(entry.Symbol);
                quote = _quotes.GetValueOrDefault(entry.Symbol);
            }

            watch.Add(new WatchRow(
                entry.Symbol,
                entry.Priority.ToWord(),
                s is { } a && double.IsFinite(a.Last) ? a.Last : quote?.Last,
                quote?.GapPct ?? (s is { } b ? GapMath.PercentChange(b.Last, b.PrevClose) : null),
                s is { } v && v.ExpectedVolumePerMinute > 0 && double.IsFinite(v.VolumeLastMinute) ? v.VolumeLastMinute / v.ExpectedVolumePerMinute : null,
                s is { } c ? GapMath.SpreadPct(c.Bid, c.Ask) : null,
                latest));
        }

        Alerts.AlertCounters? alerts = AlertCounters?.Invoke();
        lock (_gate)
        {
            return new DashboardSnapshot
            {
                Connection = new ConnectionStatus(
                    stats.State.ToString(),
                    stats.ServerVersion == 0 ? null : stats.ServerVersion,
                    stats.HeartbeatLatency?.TotalMilliseconds,
                    stats.Lines.Used,
                    stats.Lines.Free,
                    stats.MessagesInPerSecond,
                    (int)stats.Reconnections),
                Watch = watch,
                Feed = [.. _feed],
                Suspects = [.. _blips.Values.OrderByDescending(b => b.Score).Take(8)],
                FlowLeaders = [.. _flow.Values.OrderByDescending(f => f.Score).Take(8)],
                Clock = new Dashboard.SessionClock(ExchangeTime.ToExchange(now), session.Session.ToName(), session.NextOpen, session.NextClose),
                Counters = new DashboardCounters(pipeline.Ticks, _events, alerts?.Alerted ?? 0, alerts?.Pending ?? 0, pipeline.DroppedEvents, pipeline.Subscriptions.Count),
            };
        }
    }
}
