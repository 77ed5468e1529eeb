namespace Gv2Edge.Radar.Streaming;

/// <summary>
/// The subscription side of the market-data client, as the streaming engine needs it. The app adapts the
/// client (its line budget, reqMktData / cancelMktData) to this; ticks come back through
/// <see cref="StreamingEngine.OnTick(State.SymbolId, in State.QuoteTick)"/>.
/// </summary>
public interface IMarketDataLines
{
    /// <summary>Lines this engine may hold now (the account's lines minus the client's reserve).</summary>
    int LineBudget { get; }

    /// <summary>Opens a persistent level-1 subscription; false when the gateway refused it (unknown symbol, no permission, no line).</summary>
    ValueTask<bool> SubscribeAsync(string symbol, CancellationToken cancellationToken);

    /// <summary>Cancels a subscription (idempotent).</summary>
    ValueTask UnsubscribeAsync(string symbol, CancellationToken cancellationToken);

    /// <summary>Re-requests a silent subscription; false when that failed too.</summary>
    ValueTask<bool> ResubscribeAsync(string symbol, CancellationToken cancellationToken);
}

/// <summary>Fallback mode's source: one snapshot of a symbol's level-1 state (null when none could be had).</summary>
public interface IQuoteSnapshots
{
    /// <summary>A snapshot of <paramref name="symbol"/> now.</summary>
    ValueTask<State.QuoteTick?> GetSnapshotAsync(string symbol, CancellationToken cancellationToken);
}
