namespace Gv2Edge.Radar.Streaming;

/// <summary>What became of one subscription request.</summary>
public enum LineOutcome
{
    /// <summary>The line is open (or its request is on its way).</summary>
    Subscribed,

    /// <summary>Not now, for a passing reason (no line free at that moment, connection down, pacing): retried later.</summary>
    Unavailable,

    /// <summary>The gateway refused the symbol itself (unknown, no permission): retrying would not help.</summary>
    Refused,
}

/// <summary>
/// The subscription side of the market-data client, as the streaming engine needs it. The app adapts the
/// client (its line budget, reqMktData / cancelMktData) to this; ticks come back through
/// <see cref="StreamingEngine.OnTick(State.SymbolId, in State.QuoteTick)"/>.
/// </summary>
public interface IMarketDataLines
{
    /// <summary>Lines this engine may hold now (the account's lines minus the client's reserve).</summary>
    int LineBudget { get; }

    /// <summary>Opens a persistent level-1 subscription.</summary>
    ValueTask<LineOutcome> SubscribeAsync(string symbol, CancellationToken cancellationToken);

    /// <summary>Cancels a subscription (idempotent).</summary>
    ValueTask UnsubscribeAsync(string symbol, CancellationToken cancellationToken);

    /// <summary>Re-requests a silent subscription.</summary>
    ValueTask<LineOutcome> ResubscribeAsync(string symbol, CancellationToken cancellationToken);
}

/// <summary>Fallback mode's source: one snapshot of a symbol's level-1 state (null when none could be had).</summary>
public interface IQuoteSnapshots
{
    /// <summary>A snapshot of <paramref name="symbol"/> now.</summary>
    ValueTask<State.QuoteTick?> GetSnapshotAsync(string symbol, CancellationToken cancellationToken);
}
