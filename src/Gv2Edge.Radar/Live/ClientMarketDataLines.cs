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
        _client.StateChanged += OnStateChanged;
    }

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
    public async ValueTask<bool> SubscribeAsync(string symbol, CancellationToken cancellationToken)
    {
        if (_bySymbol.ContainsKey(symbol))
        {
            return true;
        }

        Contract contract;
        try
        {
            contract = ContractResolver.ForMarketData(await _resolver.ResolveAsync(symbol, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is SymbolException or TwsException)
        {
            return false;
        }

        try
        {
            MarketDataSubscription sub = _client.Subscribe(contract, StreamingGenericTicks, LineKind.Streaming);
            if (_store is not null)
            {
                _ids[sub] = _store.Intern(symbol);
            }

            _bySymbol[symbol] = sub;
            return true;
        }
        catch (Exception ex) when (ex is TwsException or InvalidOperationException)
        {
            return false;
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

    /// <inheritdoc />
    public async ValueTask<bool> ResubscribeAsync(string symbol, CancellationToken cancellationToken)
    {
        await UnsubscribeAsync(symbol, cancellationToken).ConfigureAwait(false);
        return await SubscribeAsync(symbol, cancellationToken).ConfigureAwait(false);
    }

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
        if (_engine is { } engine && _ids.ContainsKey(e.Subscription))
        {
            _ = engine.OnStaleAsync(e.Subscription.Contract.Symbol, CancellationToken.None);
        }
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
        _client.StateChanged -= OnStateChanged;
    }
}
