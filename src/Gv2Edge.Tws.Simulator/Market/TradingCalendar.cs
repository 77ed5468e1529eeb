using Gv2Edge.Market;
namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>What the simulator needs from the exchange calendar.</summary>
internal interface ITradingCalendar
{
    MarketSession SessionAt(DateTime et);

    /// <summary>
    /// The session at <paramref name="et"/> and the instant it ends (the next boundary, at most the next midnight), so
    /// a caller stepping second by second asks once per session instead of once per second.
    /// </summary>
    MarketSession SessionAt(DateTime et, out DateTime until);

    bool IsTradingDay(DateOnly day);

    /// <summary>Regular close of a trading day (16:00, or 13:00 on a half-day).</summary>
    TimeOnly RthClose(DateOnly day);

    DateOnly PreviousTradingDay(DateOnly day);

    DateOnly NextTradingDay(DateOnly day);
}
