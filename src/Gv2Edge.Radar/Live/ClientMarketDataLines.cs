using System.Collections.Concurrent;
using Gv2Edge.Radar.Services;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Live;

/// <summary>
/// Adapts the TWS client to the streaming engine: persistent level-1 lines (<see cref="IMarketDataLines"/>), paced
/// snapshots for the fallback (<see cref="IQuoteSnapshots"/>), and a pump that moves ticker updates from the
/// client's coalescing channel into <see cref="StreamingEngine.OnTick(SymbolId, in QuoteTick)"/> without blocking
/// the socket reader. Stale notices and reconnects are forwarded to the engine.
/// </summary>
public sealed class ClientMarketDataLines : IMarketDataLines, IQuoteSnapshots, IDisposable
{
    /// <summary>Generic ticks on every streaming line: 165 (average volume, for baselines), 233 (RTVolume: VWAP, last trade time).</summary>
    public const string StreamingGenericTicks = "165,233";

    private readonly TwsClient _client;
    private readonly ContractResolver _resolver;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, MarketDataSubscription> _bySymbol = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<MarketDataSubscription, SymbolId> _ids = new();
    private StreamingEngine? _engine;
    private SymbolStateStore? _store;
    private long _ticks;

    public ClientMarketDataLines(TwsClient client, ContractResolver resolver, TimeProvider clock)
    {
        _client = client;
        _resolver = resolver;
        _clock = clock;
        _client.SubscriptionStale += OnStale;
        _client.SubscriptionFailed += OnFailed;
        _client.StateChanged += OnStateChanged;
    }

    /// <summary>A streaming line went silent: its symbol and when it was noticed (the time the STALE event carries).</summary>
    public event Action<string, DateTimeOffset>? StaleNoticed;

    /// <summary>Ticks moved into the engine.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <inheritdoc />
    public int LineBudget => Math.Max(0, _client.Lines.MaxLines - _client.Lines.Reserved);

    /// <summary>Connects the adapter to the engine it feeds (before <see cref="PumpAsync"/>).</summary>
    public void Attach(StreamingEngine engine, SymbolStateStore store)
    {
        _engine = engine;
        _store = store;
    }

    /// <inheritdoc />
    public async ValueTask<LineOutcome> SubscribeAsync(string symbol, CancellationToken cancellationToken)
    {
        if (_bySymbol.TryGetValue(symbol, out MarketDataSubscription? held))
        {
            if (held.IsActive)
            {
                return LineOutcome.Subscribed; // the client re-sends its own lines after a reconnect
            }

            Forget(symbol, held);
        }

        Contract contract;
        try
        {
            contract = ContractResolver.ForMarketData(await _resolver.ResolveAsync(symbol, cancellationToken).ConfigureAwait(false));
        }
        catch (SymbolException ex)
        {
            return IsRefusal(ex.Code) ? LineOutcome.Refused : LineOutcome.Unavailable;
        }
        catch (TwsException ex)
        {
            return IsRefusal(ex.Code) ? LineOutcome.Refused : LineOutcome.Unavailable;
        }

        try
        {
            MarketDataSubscription sub = _client.Subscribe(contract, StreamingGenericTicks, LineKind.Streaming);
            if (_store is not null)
            {
                _ids[sub] = _store.Intern(symbol);
            }

            _bySymbol[symbol] = sub;
            return LineOutcome.Subscribed;
        }
        catch (TwsException ex)
        {
            // No line free at this moment (another part of the app holds them): a passing state, retried later.
            return IsRefusal(ex.Code) ? LineOutcome.Refused : LineOutcome.Unavailable;
        }
        catch (InvalidOperationException)
        {
            return LineOutcome.Unavailable;
        }
    }

    /// <inheritdoc />
    public ValueTask UnsubscribeAsync(string symbol, CancellationToken cancellationToken)
    {
        if (_bySymbol.TryRemove(symbol, out MarketDataSubscription? sub))
        {
            _ids.TryRemove(sub, out _);
            _client.Unsubscribe(sub);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A silent line: the client has already re-sent it (silence) or will when the gateway says so (1101, 2104), so a
    /// line the client still holds is left alone: cancelling and re-requesting it too would only double the messages.
    /// A line the client gave up is requested anew.
    /// </summary>
    public ValueTask<LineOutcome> ResubscribeAsync(string symbol, CancellationToken cancellationToken)
        => SubscribeAsync(symbol, cancellationToken);

    /// <summary>True for the gateway refusing the symbol itself (unknown, expired, no permission); anything else passes.</summary>
    public static bool IsRefusal(int code) => code is TwsErrorCodes.NoSecurityDefinition or TwsErrorCodes.ExpiredContract
        or TwsErrorCodes.ValidationError or TwsErrorCodes.NotSubscribed or TwsErrorCodes.InvalidRealTimeQuery
        or TwsErrorCodes.DelayedAvailable or TwsErrorCodes.PartiallySubscribed or TwsErrorCodes.DelayedNotEnabled
        or TwsErrorCodes.DelayedNotEnabled2 or SymbolErrorCodes.Ambiguous or SymbolErrorCodes.NotCovered or SymbolErrorCodes.Invalid;

    /// <summary>The symbol this adapter streams on <paramref name="subscription"/>; false for any other line (scans, snapshots).</summary>
    public bool TryRoute(MarketDataSubscription subscription, out SymbolId id) => _ids.TryGetValue(subscription, out id);

    /// <inheritdoc />
    public async ValueTask<QuoteTick?> GetSnapshotAsync(string symbol, CancellationToken cancellationToken)
    {
        try
        {
            Contract contract = ContractResolver.ForMarketData(await _resolver.ResolveAsync(symbol, cancellationToken).ConfigureAwait(false));
            TickerSnapshot snap = await _client.GetSnapshotQuoteAsync(contract, cancellationToken).ConfigureAwait(false);
            return TickerQuoteAdapter.ToQuoteTick(snap, _clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is SymbolException or TwsException)
        {
            return null;
        }
    }

    /// <summary>The ticker of a streaming symbol, or null when it holds no line.</summary>
    public Ticker? TickerOf(string symbol) => _bySymbol.TryGetValue(symbol, out MarketDataSubscription? s) ? s.Ticker : null;

    /// <summary>Moves updates from the client into the engine until cancelled.</summary>
    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        StreamingEngine engine = _engine ?? throw new InvalidOperationException("Attach the engine first.");
        System.Threading.Channels.ChannelReader<MarketDataSubscription> updates = _client.Updates;
        try
        {
            while (await updates.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (updates.TryRead(out MarketDataSubscription? sub))
                {
                    if (!_ids.TryGetValue(sub, out SymbolId id))
                    {
                        continue;
                    }

                    TickerSnapshot snap = sub.Ticker.Snapshot();
                    QuoteTick tick = TickerQuoteAdapter.ToQuoteTick(snap, _clock.GetUtcNow());
                    engine.OnTick(id, in tick);
                    Interlocked.Increment(ref _ticks);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void OnStale(object? sender, Tws.SubscriptionEvent e)
    {
        if (_engine is { } engine && _ids.TryGetValue(e.Subscription, out SymbolId id))
        {
            string symbol = _store?.SymbolOf(id) ?? e.Subscription.Contract.Symbol;
            DateTimeOffset now = _clock.GetUtcNow();
            StaleNoticed?.Invoke(symbol, now);
            _ = engine.OnStaleAsync(symbol, now, CancellationToken.None);
        }
    }

    // The gateway ended one of our lines with an error: forget it, and tell the manager whether to retry it.
    private void OnFailed(object? sender, Tws.SubscriptionEvent e)
    {
        if (!_ids.TryGetValue(e.Subscription, out SymbolId id))
        {
            return;
        }

        string symbol = _store?.SymbolOf(id) ?? e.Subscription.Contract.Symbol;
        Forget(symbol, e.Subscription);
        int code = (e.Subscription.Error as TwsException)?.Code ?? 0;
        _engine?.Subscriptions?.OnLineLost(symbol, IsRefusal(code) ? LineOutcome.Refused : LineOutcome.Unavailable);
    }

    private void Forget(string symbol, MarketDataSubscription sub)
    {
        _ids.TryRemove(sub, out _);
        _bySymbol.TryRemove(new KeyValuePair<string, MarketDataSubscription>(symbol, sub));
    }

    private void OnStateChanged(object? sender, Tws.Connection.ConnectionStateChange e)
    {
        if (e.Current == Tws.Connection.ConnectionState.Connected && e.Previous == Tws.Connection.ConnectionState.Reconnecting)
        {
            _engine?.OnReconnected();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _client.SubscriptionStale -= OnStale;
        _client.SubscriptionFailed -= OnFailed;
        _client.StateChanged -= OnStateChanged;
    }
}
