using Gv2Edge.Market;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Services;

/// <summary>
/// Turns a ticker symbol into one qualified US stock contract (SMART routing with its primary exchange), cached for
/// the trading session. Unknown symbols, ambiguous ones (several listings) and OTC listings — which the guide's
/// NYSE/NASDAQ/BATS/ARCA/IEX subscriptions do not cover — fail with a <see cref="SymbolException"/> in plain words.
/// </summary>
public sealed class ContractResolver
{
    private static readonly string[] OtcExchanges = ["PINK", "OTC", "OTCBB", "OTCQB", "OTCQX", "GREY", "VALUE"];
    private readonly Func<Contract, CancellationToken, Task<IReadOnlyList<ContractDetails>>> _lookup;
    private readonly TtlCache<string, ContractDetails> _cache;

    /// <param name="lookup">reqContractDetails through the client.</param>
    /// <param name="sessions">Entries expire at the start of the next session.</param>
    /// <param name="clock">The app's clock.</param>
    public ContractResolver(Func<Contract, CancellationToken, Task<IReadOnlyList<ContractDetails>>> lookup, UsEquitySessions sessions, TimeProvider clock)
    {
        _lookup = lookup;
        _cache = new TtlCache<string, ContractDetails>((_, _, now) => sessions.NextSessionStart(now), clock, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Cache hits and misses.</summary>
    public (long Hits, long Misses) CacheStats => (_cache.Hits, _cache.Misses);

    /// <summary>The qualified contract details of <paramref name="symbol"/>.</summary>
    public Task<ContractDetails> ResolveAsync(string symbol, CancellationToken cancellationToken = default)
    {
        string normalized = Normalize(symbol);
        return _cache.GetOrLoadAsync(normalized, LoadAsync, cancellationToken);
    }

    /// <summary>Upper-cases and validates a symbol (letters, digits, '.', '-', one inner space as in "BRK B").</summary>
    public static string Normalize(string symbol)
    {
        string s = (symbol ?? string.Empty).Trim().ToUpperInvariant();
        if (s.Length is 0 or > 12 || !s.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or ' '))
        {
            throw new SymbolException(symbol ?? string.Empty, SymbolErrorCodes.Invalid, $"\"{symbol}\" is not a ticker symbol (letters, digits, '.', '-' only).");
        }

        return s;
    }

    private async Task<ContractDetails> LoadAsync(string symbol, CancellationToken cancellationToken)
    {
        var query = new Contract { Symbol = symbol.Replace('.', ' '), SecType = "STK", Exchange = "SMART", Currency = "USD" };
        IReadOnlyList<ContractDetails> found = await _lookup(query, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            throw new SymbolException(symbol, SymbolErrorCodes.Unknown, $"{symbol}: no US stock with this symbol is known to IB (check the spelling).");
        }

        var distinct = found.GroupBy(d => d.Contract.ConId).Select(g => g.First()).ToList();
        if (distinct.Count > 1)
        {
            string candidates = string.Join(", ", distinct.Select(d => $"{d.Contract.Symbol} on {d.Contract.PrimaryExchange} (conId {d.Contract.ConId}{(d.LongName.Length > 0 ? ", " + d.LongName : string.Empty)})"));
            throw new SymbolException(symbol, SymbolErrorCodes.Ambiguous, $"{symbol} is ambiguous: {candidates}. Name the listing you mean.");
        }

        ContractDetails details = distinct[0];
        if (OtcExchanges.Contains(details.Contract.PrimaryExchange, StringComparer.OrdinalIgnoreCase))
        {
            throw new SymbolException(symbol, SymbolErrorCodes.NotCovered,
                $"{symbol} trades over the counter ({details.Contract.PrimaryExchange}): level-1 subscriptions for NYSE, NASDAQ, BATS, ARCA and IEX do not cover OTC symbols.");
        }

        return details;
    }

    /// <summary>The contract to request market data with: SMART routing, primary exchange kept, by conId.</summary>
    public static Contract ForMarketData(ContractDetails details) => details.Contract with { Exchange = "SMART" };
}
