using Gv2Edge.Market;
using Gv2Edge.Tws.Simulator.Scenarios;

namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>Level 1 and model values of one option at one instant.</summary>
internal readonly record struct OptionQuote(
    double Bid, double Ask, long BidSize, long AskSize, double Last, long LastSize, long Volume, long OpenInterest,
    double PrevClose, double Underlying, double ImpliedVol, double? BidIv, double? AskIv, OptionGreeks? Greeks);

internal sealed partial class OptionModel
{
    /// <summary>Option contracts traded per underlying share traded (market-wide, split by moneyness).</summary>
    private const double ContractsPerShare = 0.0015;

    /// <summary>The quote of <paramref name="option"/> given its underlying's state (call under the market lock).</summary>
    public OptionQuote Quote(OptionContract option, StockModel underlying, DateTime et)
    {
        StockInfo stock = option.Underlying;
        double spot = underlying.Bid > 0 && underlying.Ask > 0 ? (underlying.Bid + underlying.Ask) / 2 : underlying.Last;
        double years = Math.Max(60, (option.Expiry.ToDateTime(new TimeOnly(16, 0)) - et).TotalSeconds) / (365.0 * 86_400);
        double iv = ImpliedVolFor(option, spot);
        OptionGreeks? g = BlackScholes.TryGreeks(option.Right, spot, option.Strike, years, Rate, iv);
        double theo = g?.Price ?? Math.Max(0, option.Right == OptionRight.Call ? spot - option.Strike : option.Strike - spot);
        double tick = theo < 3 ? 0.01 : 0.05;
        double spread = Math.Max(tick, Math.Round(Math.Min(0.5, Math.Max(0.02, theo * 0.06)) / tick) * tick);
        double bid = Math.Max(0, Math.Round((theo - (spread / 2)) / tick) * tick);
        double ask = Math.Round((bid + spread) / tick) * tick;
        double? bidIv = bid > 0 ? BlackScholes.ImpliedVolatility(option.Right, bid, spot, option.Strike, years, Rate) : null;
        double? askIv = BlackScholes.ImpliedVolatility(option.Right, ask, spot, option.Strike, years, Rate);
        ulong h = SimRandom.Mix(_market.Seed, (ulong)option.ConId);
        long volume = Volume(option, underlying, et, h);
        long oi = OpenInterest(option, h);
        double prevTheo = BlackScholes.TryGreeks(option.Right, underlying.PrevClose, option.Strike, years + (1 / 365.0), Rate, iv)?.Price ?? theo;
        return new OptionQuote(
            Math.Round(bid, 2), Math.Round(ask, 2), 1 + (long)(h % 50), 1 + (long)((h >> 8) % 50),
            Math.Round(volume > 0 ? theo : prevTheo, 2), volume > 0 ? 1 + (long)((h >> 16) % 10) : 0, volume, oi,
            Math.Round(prevTheo, 2), spot, iv, bidIv, askIv, g);
    }

    /// <summary>Calls and puts traded today on an underlying (generic ticks 100: ticks 29 and 30).</summary>
    public (long Calls, long Puts) UnderlyingVolume(StockInfo stock, StockModel underlying, DateTime et)
    {
        double total = underlying.Volume * ContractsPerShare;
        long calls = (long)(total * 0.55);
        long puts = (long)(total * 0.45);
        foreach (ScenarioEvent e in _market.Scenario.For(stock.Symbol))
        {
            if (e.Kind == ScenarioEventKind.CallVolumeBurst && DateOnly.FromDateTime(e.At) == underlying.TradingDay)
            {
                calls += BurstSoFar(e, et);
            }
            else if (e.Kind == ScenarioEventKind.PutVolumeBurst && DateOnly.FromDateTime(e.At) == underlying.TradingDay)
            {
                puts += BurstSoFar(e, et);
            }
        }

        return (calls, puts);
    }

    /// <summary>Open interest of the whole chain by right (generic tick 101: ticks 27 and 28).</summary>
    public (long Calls, long Puts) UnderlyingOpenInterest(StockInfo stock)
    {
        OptionChain? chain = Chain(stock);
        if (chain is null)
        {
            return (0, 0);
        }

        long calls = 0, puts = 0;
        foreach (OptionContract c in chain.Contracts)
        {
            long oi = OpenInterest(c, SimRandom.Mix(_market.Seed, (ulong)c.ConId));
            if (c.Right == OptionRight.Call)
            {
                calls += oi;
            }
            else
            {
                puts += oi;
            }
        }

        return (calls, puts);
    }

    /// <summary>Average daily option volume of an underlying (generic 105: tick 87).</summary>
    public static long AverageOptionVolume(StockInfo stock) => (long)(stock.AvgDailyVolume * ContractsPerShare);

    /// <summary>The 30-day implied volatility of an underlying (generic 106: tick 24).</summary>
    public static double UnderlyingImpliedVol(StockInfo stock) => stock.DailyVolatility * Math.Sqrt(252) * 1.1;

    private static double ImpliedVolFor(OptionContract option, double spot)
    {
        double moneyness = Math.Log(option.Strike / Math.Max(0.01, spot));
        return UnderlyingImpliedVol(option.Underlying) * (1 + (1.5 * moneyness * moneyness) - (0.1 * moneyness));
    }

    private long Volume(OptionContract option, StockModel underlying, DateTime et, ulong h)
    {
        OptionChain chain = Chain(option.Underlying)!;
        double moneyness = Math.Abs(Math.Log(option.Strike / Math.Max(0.01, option.Underlying.Price)));
        int expiryIndex = IndexOfExpiry(chain, option.Expiry);
        double weight = Math.Exp(-moneyness * 12) / (1 + expiryIndex) * (option.Right == OptionRight.Call ? 0.55 : 0.45);
        double share = weight / (chain.Strikes.Count * 0.2 * chain.Expirations.Count);
        long volume = (long)(underlying.Volume * ContractsPerShare * share * (0.7 + ((h % 60) / 100.0)));
        foreach (ScenarioEvent e in _market.Scenario.For(option.Underlying.Symbol))
        {
            if (e.Kind == ScenarioEventKind.CallVolumeBurst && option.Right == OptionRight.Call
                && DateOnly.FromDateTime(e.At) == underlying.TradingDay && BurstTarget(chain, e) == option)
            {
                volume += BurstSoFar(e, et);
            }
            else if (e.Kind == ScenarioEventKind.PutVolumeBurst && option.Right == OptionRight.Put
                && DateOnly.FromDateTime(e.At) == underlying.TradingDay && PutBurstTarget(chain, e) == option)
            {
                volume += BurstSoFar(e, et);
            }
        }

        return volume;
    }

    private static long OpenInterest(OptionContract option, ulong h)
    {
        double moneyness = Math.Abs(Math.Log(option.Strike / option.Underlying.Price));
        double baseOi = AverageOptionVolume(option.Underlying) * Math.Exp(-moneyness * 6) * 0.3;
        return (long)(baseOi * (0.5 + ((h >> 24) % 100 / 50.0)));
    }

    /// <summary>The call a burst trades: the event's strike and expiry, or the first strike above the starting price at the nearest expiry.</summary>
    public OptionContract? BurstTarget(OptionChain chain, ScenarioEvent e)
    {
        string? expiry = e.Expiry;
        double strike = e.Strike ?? chain.Strikes.FirstOrDefault(s => s > chain.Underlying.Price, chain.Strikes[^1]);
        return chain.Contracts.FirstOrDefault(c => c.Right == OptionRight.Call && Math.Abs(c.Strike - strike) < 1e-6
            && (expiry is null ? c.Expiry == chain.Expirations[0] : c.ExpiryText == expiry));
    }

    /// <summary>The put a put burst trades: the event's strike and expiry, or the first strike below the starting price at the nearest expiry.</summary>
    public OptionContract? PutBurstTarget(OptionChain chain, ScenarioEvent e)
    {
        double strike = e.Strike ?? chain.Strikes.LastOrDefault(s => s < chain.Underlying.Price, chain.Strikes[0]);
        return chain.Contracts.FirstOrDefault(c => c.Right == OptionRight.Put && Math.Abs(c.Strike - strike) < 1e-6
            && (e.Expiry is null ? c.Expiry == chain.Expirations[0] : c.ExpiryText == e.Expiry));
    }

    private static long BurstSoFar(ScenarioEvent e, DateTime et)
    {
        if (et <= e.At)
        {
            return 0;
        }

        double fraction = Math.Min(1, (et - e.At).TotalSeconds / Math.Max(1, e.EffectiveDuration.TotalSeconds));
        return (long)(e.Contracts * fraction);
    }

    private static int IndexOfExpiry(OptionChain chain, DateOnly expiry)
    {
        for (int i = 0; i < chain.Expirations.Count; i++)
        {
            if (chain.Expirations[i] == expiry)
            {
                return i;
            }
        }

        return chain.Expirations.Count;
    }
}
