using Gv2Edge.Market;
namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>What the simulator needs from the exchange calendar.</summary>
internal interface ITradingCalendar
{
    MarketSession SessionAt(DateTime et);

    bool IsTradingDay(DateOnly day);

    /// <summary>Regular close of a trading day (16:00, or 13:00 on a half-day).</summary>
    TimeOnly RthClose(DateOnly day);

    DateOnly PreviousTradingDay(DateOnly day);

    DateOnly NextTradingDay(DateOnly day);
}
