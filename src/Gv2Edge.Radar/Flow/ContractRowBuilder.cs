using Gv2Edge.Market;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Flow;

/// <summary>
/// Turns one option's level 1 into an <see cref="OptionContractRow"/> (pure). Greeks are IB's model computation (tick 13)
/// when it sent one; otherwise our Black–Scholes implied volatility from the mid price (the last price without a
/// two-sided quote) and its greeks, in IB's units: theta per calendar day, vega per volatility point.
/// </summary>
public static class ContractRowBuilder
{
    /// <summary>The row of <paramref name="contract"/>; <paramref name="spot"/> is the underlying's price, <paramref name="now"/> the market's time.</summary>
    public static OptionContractRow Build(Contract contract, TickerSnapshot t, double spot, DateTimeOffset now, double rate, double dividendYield)
    {
        ArgumentNullException.ThrowIfNull(contract);
        bool call = contract.Right is "C" or "CALL";
        decimal? oi = call ? t.OptionCallOpenInterest : t.OptionPutOpenInterest;
        var row = new OptionContractRow
        {
            Expiry = contract.LastTradeDateOrContractMonth,
            Strike = contract.Strike ?? double.NaN,
            Right = call ? "C" : "P",
            Volume = t.Volume is { } v ? (double)v : null,
            OpenInterest = oi is { } o ? (double)o : null,
        };
        if (HasIbGreeks(t))
        {
            OptionComputation g = t.ModelGreeks;
            return row with
            {
                ImpliedVol = Finite(g.ImpliedVol),
                Delta = Finite(g.Delta),
                Gamma = Finite(g.Gamma),
                Theta = Finite(g.Theta),
                Vega = Finite(g.Vega),
                GreeksSource = "ib",
            };
        }

        return Model(row, contract, Price(t), spot, now, rate, dividendYield);
    }

    /// <summary>True when IB's model computation (tick 13) carried a delta.</summary>
    public static bool HasIbGreeks(TickerSnapshot t) => Finite(t.ModelGreeks.Delta) is not null;

    /// <summary>The option's price for implied volatility: the mid of a two-sided quote, else the last trade; null when neither.</summary>
    public static double? Price(TickerSnapshot t)
    {
        if (t.Bid > 0 && t.Ask >= t.Bid && double.IsFinite(t.Ask))
        {
            return (t.Bid + t.Ask) / 2;
        }

        return t.Last > 0 && double.IsFinite(t.Last) ? t.Last : null;
    }

    private static OptionContractRow Model(OptionContractRow row, Contract contract, double? price, double spot, DateTimeOffset now,
        double rate, double dividendYield)
    {
        if (price is not { } p || DrillDownPlan.ParseExpiry(contract.LastTradeDateOrContractMonth) is not { } expiry || !(row.Strike > 0))
        {
            return row;
        }

        OptionRight right = row.Right == "C" ? OptionRight.Call : OptionRight.Put;
        double years = OptionExpiry.YearsUntil(expiry, now);
        double? iv = BlackScholes.ImpliedVolatility(right, p, spot, row.Strike, years, rate, dividendYield);
        if (iv is not { } sigma || BlackScholes.TryGreeks(right, spot, row.Strike, years, rate, sigma, dividendYield) is not { } g)
        {
            return row;
        }

        return row with
        {
            ImpliedVol = sigma,
            Delta = g.Delta,
            Gamma = g.Gamma,
            Theta = g.ThetaPerDay,
            Vega = g.VegaPerPoint,
            GreeksSource = "model",
        };
    }

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;
}
