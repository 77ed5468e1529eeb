using Gv2Edge.Market;
using Gv2Edge.Tws.Connection;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Requests;
using Microsoft.Extensions.Logging;

namespace Gv2Edge.Tws;

public sealed partial class TwsClient
{
    private readonly Queue<TimeWaiter> _timeWaiters = new();
    private TimeSpan? _heartbeatLatency;
    private long _rateSampleTimestamp;
    private long _rateSampleIn;
    private long _rateSampleOut;
    private double _rateIn;
    private double _rateOut;

    /// <summary>The client's health now.</summary>
    public TwsClientStats GetStats()
    {
        long since = Interlocked.Read(ref _connectedSinceTimestamp);
        return new TwsClientStats
        {
            State = _state.State,
            ServerVersion = ServerVersion,
            ConnectedSince = since == 0 ? null : _clock.ToUtc(since),
            Uptime = since == 0 ? TimeSpan.Zero : _time.GetElapsedTime(since),
            HeartbeatLatency = _heartbeatLatency,
            Disconnections = Interlocked.Read(ref _disconnections),
            Reconnections = Interlocked.Read(ref _reconnections),
            LastDowntime = _lastDowntime,
            MessagesIn = Volatile.Read(ref _messagesIn),
            MessagesOut = _writer.MessagesSent,
            MessagesInPerSecond = _rateIn,
            MessagesOutPerSecond = _rateOut,
            Subscriptions = _subscriptions.Count,
            StaleSubscriptions = _subscriptions.Keys.Count(s => s.Ticker.IsStale),
            DroppedUpdateNotices = _updates.Dropped,
            CallbackErrors = Interlocked.Read(ref _callbackErrors),
            HistoricalPacingRetries = Interlocked.Read(ref _pacingRetries),
            Lines = _lines.Snapshot(),
        };
    }

    /// <summary>Every error message from IB: fails the request it names, or reacts (stale, resubscribe, reset).</summary>
    private void HandleError(Session session, ErrorMessage m, long now)
    {
        TwsErrorInfo info = TwsErrorCodes.Lookup(m.Code);
        bool delayedAdvisory = m.Code == TwsErrorCodes.DelayedAvailable
            && _options.MarketDataType is MarketDataType.Delayed or MarketDataType.DelayedFrozen;
        bool keeps = info.KeepsRequest || delayedAdvisory;

        if (m.Id >= 0 && !keeps)
        {
            var error = new TwsException(m.Code, m.Message, m.Id);
            bool handled = false;
            if (_pending.TryRemove(m.Id, out PendingRequest? request))
            {
                request.Fail(error);
                handled = true;
            }

            if (_routes.TryGetValue(m.Id, out MarketDataSubscription? sub) && _subscriptions.ContainsKey(sub))
            {
                if (m.Code == TwsErrorCodes.MaxTickers)
                {
                    int limit = _lines.LearnLimitFromMaxTickers();
                    _log.LogWarning("IB refused a market-data line (101): the line budget is now {Limit}.", limit);
                }

                FailSubscription(sub, error);
                handled = true;
            }

            if (handled)
            {
                return;
            }
        }

        switch (m.Code)
        {
            case TwsErrorCodes.ClientIdInUse:
                Abort(session, new TwsException(TwsErrorCodes.ClientIdInUse, m.Message, TwsErrorCodes.ClientIdInUseHint(_options.ClientId)));
                break;
            case TwsErrorCodes.SocketPortReset:
                Abort(session, new TwsException(m.Code, m.Message));
                break;
            case TwsErrorCodes.ConnectivityLost:
                foreach (MarketDataSubscription sub in _subscriptions.Keys)
                {
                    MarkStale(sub, "the gateway lost its connection to IB (1100)");
                }

                break;
            case TwsErrorCodes.ConnectivityRestoredDataLost:
                if (session.Ready)
                {
                    foreach (MarketDataSubscription sub in _subscriptions.Keys)
                    {
                        SendSubscription(session, sub, cancelOld: false, countAsResubscription: true);
                    }
                }

                break;
            case TwsErrorCodes.MarketDataFarmBroken:
                foreach (MarketDataSubscription sub in FarmSubscriptions(m.Message))
                {
                    sub.FarmBrokenTimestamp = now;
                    MarkStale(sub, $"market-data farm down (2103: {m.Message})");
                }

                break;
            case TwsErrorCodes.MarketDataFarmOk:
                foreach (MarketDataSubscription sub in FarmSubscriptions(m.Message))
                {
                    long broken = sub.FarmBrokenTimestamp;
                    sub.FarmBrokenTimestamp = 0;
                    if (broken != 0 && sub.Ticker.LastUpdateTimestamp <= broken && session.Ready)
                    {
                        // Still silent since the farm broke: IB often does not resume it by itself.
                        SendSubscription(session, sub, cancelOld: true, countAsResubscription: true);
                    }
                }

                break;
            default:
                break;
        }

        var notice = new TwsNotice(m.Id, m.Code, m.Message, info);
        _events.Post(() => Notice?.Invoke(this, notice));
    }

    /// <summary>The subscriptions a farm serves: option farms (e.g. "usopt") carry options, the others the rest.</summary>
    private IEnumerable<MarketDataSubscription> FarmSubscriptions(string message)
    {
        int colon = message.LastIndexOf(':');
        string farm = colon >= 0 ? message[(colon + 1)..].Trim().ToLowerInvariant() : "";
        bool options = farm.Contains("opt", StringComparison.Ordinal);
        return _subscriptions.Keys.Where(s => farm.Length == 0 || s.IsOption == options);
    }

    private void MarkStale(MarketDataSubscription sub, string reason)
    {
        if (sub.Ticker.SetStale(true))
        {
            RaiseSubscription(SubscriptionStale, sub, reason);
        }
    }

    private void FailSubscription(MarketDataSubscription sub, TwsException error)
    {
        if (!_subscriptions.TryRemove(sub, out _))
        {
            return;
        }

        _routes.TryRemove(sub.RequestId, out _);
        sub.IsActive = false;
        sub.Error = error;
        _lines.Release(sub.Kind);
        RaiseSubscription(SubscriptionFailed, sub, error.Message);
    }

    private void RaiseSubscription(EventHandler<SubscriptionEvent>? handler, MarketDataSubscription sub, string reason)
    {
        if (handler is null)
        {
            return;
        }

        var e = new SubscriptionEvent(sub, reason);
        _events.Post(() => handler(this, e));
    }

    /// <summary>Heartbeat tick: an unanswered previous heartbeat resets the connection; otherwise send one.</summary>
    private void Heartbeat(Session session)
    {
        if (!session.Ready)
        {
            return;
        }

        if (Interlocked.Exchange(ref session.HeartbeatPending, 1) == 1)
        {
            Abort(session, new TimeoutException(
                $"The gateway did not answer a heartbeat within {_options.HeartbeatInterval.TotalSeconds:0.#} s."));
            return;
        }

        lock (_timeWaiters)
        {
            _timeWaiters.Enqueue(new TimeWaiter(null, session));
            Send(session, ReqCurrentTime.Instance, priority: true, onSent: ts => Volatile.Write(ref session.HeartbeatSentTimestamp, ts));
        }
    }

    private void FailTimeWaiters(Exception error)
    {
        TimeWaiter[] waiters;
        lock (_timeWaiters)
        {
            waiters = [.. _timeWaiters];
            _timeWaiters.Clear();
        }

        foreach (TimeWaiter w in waiters)
        {
            w.Request?.Fail(error);
        }
    }

    /// <summary>Liveness tick: samples rates, and re-sends any subscription silent beyond its session's threshold.</summary>
    private void CheckLiveness()
    {
        long now = _time.GetTimestamp();
        SampleRates(now);
        Session? session = _session;
        if (session is not { Ready: true })
        {
            return;
        }

        TimeSpan threshold = _sessions.SessionAt(_time.GetUtcNow()) switch
        {
            MarketSession.Rth => _options.SilenceThresholdRegular,
            MarketSession.Pre or MarketSession.Post => _options.SilenceThresholdExtended,
            _ => _options.SilenceThresholdClosed,
        };
        if (threshold == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        foreach (MarketDataSubscription sub in _subscriptions.Keys)
        {
            if (sub.Ticker.IsHalted)
            {
                // A halted symbol does not trade or quote: its silence is expected, not a dead stream.
                continue;
            }

            long last = Math.Max(sub.Ticker.LastUpdateTimestamp, sub.SentTimestamp);
            if (last != 0 && _time.GetElapsedTime(last, now) > threshold)
            {
                MarkStale(sub, $"no data for more than {threshold.TotalSeconds:0} s");
                SendSubscription(session, sub, cancelOld: true, countAsResubscription: true);
            }
        }
    }

    private void SampleRates(long now)
    {
        long lastTs = _rateSampleTimestamp;
        long inNow = Volatile.Read(ref _messagesIn);
        long outNow = _writer.MessagesSent;
        if (lastTs != 0)
        {
            double seconds = _time.GetElapsedTime(lastTs, now).TotalSeconds;
            if (seconds > 0)
            {
                _rateIn = (inNow - _rateSampleIn) / seconds;
                _rateOut = (outNow - _rateSampleOut) / seconds;
            }
        }

        _rateSampleTimestamp = now;
        _rateSampleIn = inNow;
        _rateSampleOut = outNow;
    }

    private sealed record TimeWaiter(PendingRequest<DateTimeOffset>? Request, Session? Session);
}
