namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>One stock of the simulated universe (static reference data; the previous close is <see cref="Price"/>).</summary>
/// <param name="Symbol">Ticker, e.g. AAPL.</param>
/// <param name="Name">Long name.</param>
/// <param name="PrimaryExchange">NASDAQ, NYSE, AMEX or ARCA.</param>
/// <param name="ConId">IB contract id.</param>
/// <param name="Price">Close of the session before the simulation starts.</param>
/// <param name="AvgDailyVolume">Average shares per day.</param>
/// <param name="TypicalSpread">Typical RTH bid/ask spread in dollars.</param>
/// <param name="MarketCap">Market capitalisation in dollars.</param>
/// <param name="Float">Floating shares.</param>
/// <param name="HasOptions">Whether listed options exist.</param>
public sealed record StockInfo(
    string Symbol,
    string Name,
    string PrimaryExchange,
    int ConId,
    double Price,
    long AvgDailyVolume,
    double TypicalSpread,
    long MarketCap,
    long Float,
    bool HasOptions)
{
    /// <summary>Minimum price increment: a cent from $1, a hundredth of a cent below (Reg NMS).</summary>
    public double MinTick => Price >= 1 ? 0.01 : 0.0001;

    /// <summary>Daily volatility used by the random walk (larger for smaller companies).</summary>
    public double DailyVolatility => MarketCap switch
    {
        > 200_000_000_000 => 0.014,
        > 10_000_000_000 => 0.02,
        > 2_000_000_000 => 0.03,
        _ => 0.05,
    };
}
