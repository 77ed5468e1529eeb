using Gv2Edge.Market;
using Gv2Edge.Tws.Simulator.Scenarios;

namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>
/// Option chains for the optionable stocks: expirations (weeklies for large caps and ETFs, monthlies for all),
/// strikes around the starting price, and per-contract quotes, volume, open interest and Black–Scholes greeks
/// derived from the underlying's simulated state. Chains are fixed for the run (listed at the first simulated day).
/// </summary>
internal sealed partial class OptionModel
{
    /// <summary>Risk-free rate used for theoretical values.</summary>
    public const double Rate = 0.045;

    private readonly MarketModel _market;
    private readonly Dictionary<int, OptionChain> _chains = [];
    private readonly Dictionary<int, OptionContract> _byConId = [];
    private bool _allBuilt;

    public OptionModel(MarketModel market) => _market = market;

    /// <summary>The chain of an optionable stock (null when it has no options).</summary>
    public OptionChain? Chain(StockInfo stock)
    {
        if (!stock.HasOptions)
        {
            return null;
        }

        lock (_chains)
        {
            if (!_chains.TryGetValue(stock.ConId, out OptionChain? chain))
            {
                chain = Build(stock);
                _chains[stock.ConId] = chain;
                foreach (OptionContract c in chain.Contracts)
                {
                    _byConId[c.ConId] = c;
                }
            }

            return chain;
        }
    }

    /// <summary>Finds an option by contract id (builds every chain the first time).</summary>
    public OptionContract? Find(int conId)
    {
        lock (_chains)
        {
            if (_byConId.TryGetValue(conId, out OptionContract? found) || _allBuilt)
            {
                return found;
            }
        }

        foreach (StockInfo s in _market.Universe.Stocks)
        {
            Chain(s);
        }

        lock (_chains)
        {
            _allBuilt = true;
            return _byConId.GetValueOrDefault(conId);
        }
    }

    /// <summary>Finds an option by underlying symbol, expiry (yyyyMMdd), strike and right.</summary>
    public OptionContract? Find(string symbol, string expiry, double strike, OptionRight right)
    {
        StockInfo? stock = _market.Universe.Find(symbol);
        OptionChain? chain = stock is null ? null : Chain(stock);
        return chain?.Contracts.FirstOrDefault(c => c.ExpiryText == expiry && Math.Abs(c.Strike - strike) < 1e-6 && c.Right == right);
    }

    private OptionChain Build(StockInfo stock)
    {
        DateOnly first = DateOnly.FromDateTime(_market.EpochEt);
        var expirations = new SortedSet<DateOnly>();
        bool weeklies = stock.MarketCap > 10_000_000_000 || stock.PrimaryExchange == "ARCA";
        DateOnly friday = first.AddDays(((int)DayOfWeek.Friday - (int)first.DayOfWeek + 7) % 7);
        for (int i = 0; weeklies && i < 4; i++)
        {
            expirations.Add(TradingFriday(friday.AddDays(7 * i)));
        }

        for (int m = 0, found = 0; found < 4 && m < 6; m++)
        {
            DateOnly monthStart = new DateOnly(first.Year, first.Month, 1).AddMonths(m);
            DateOnly third = monthStart.AddDays(((int)DayOfWeek.Friday - (int)monthStart.DayOfWeek + 7) % 7 + 14);
            DateOnly listed = TradingFriday(third);
            if (listed >= first)
            {
                expirations.Add(listed);
                found++;
            }
        }

        double step = StrikeStep(stock.Price);
        double atm = Math.Round(stock.Price / step) * step;
        var strikes = new List<double>();
        for (int k = -12; k <= 12; k++)
        {
            double s = Math.Round(atm + (k * step), 2);
            if (s > 0)
            {
                strikes.Add(s);
            }
        }

        // Contract ids are positional (stock, expiry, strike, right), so they never collide and never depend on
        // the order chains are built in.
        int index = IndexOf(stock);
        var contracts = new List<OptionContract>();
        int ei = 0;
        foreach (DateOnly e in expirations)
        {
            for (int si = 0; si < strikes.Count; si++)
            {
                int baseId = 800_000_000 + (index * 10_000) + (ei * 100) + (si * 2);
                contracts.Add(new OptionContract(baseId, stock, e, strikes[si], OptionRight.Call));
                contracts.Add(new OptionContract(baseId + 1, stock, e, strikes[si], OptionRight.Put));
            }

            ei++;
        }

        return new OptionChain(stock, [.. expirations], [.. strikes], contracts, step);
    }

    private DateOnly TradingFriday(DateOnly friday)
    {
        DateOnly d = friday;
        while (!_market.Calendar.IsTradingDay(d))
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    private static double StrikeStep(double price) => price switch
    {
        < 5 => 0.5,
        < 50 => 1,
        < 200 => 2.5,
        < 500 => 5,
        _ => 10,
    };

    private int IndexOf(StockInfo stock)
    {
        IReadOnlyList<StockInfo> all = _market.Universe.Stocks;
        for (int i = 0; i < all.Count; i++)
        {
            if (all[i].ConId == stock.ConId)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{stock.Symbol} is not in the universe.");
    }
}

/// <summary>An underlying's listed options.</summary>
internal sealed record OptionChain(StockInfo Underlying, IReadOnlyList<DateOnly> Expirations, IReadOnlyList<double> Strikes,
    IReadOnlyList<OptionContract> Contracts, double StrikeStep);
