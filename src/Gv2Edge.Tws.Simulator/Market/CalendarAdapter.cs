using Gv2Edge.Market;

namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>
/// The simulator's view of <see cref="UsEquityCalendar"/>: session boundaries per day computed once and cached,
/// because the model asks for the session of every simulated second.
/// </summary>
internal sealed class CalendarAdapter : ITradingCalendar
{
    private readonly UsEquityCalendar _calendar;
    private readonly Dictionary<DateOnly, Day> _days = [];
    private readonly Lock _gate = new();

    public CalendarAdapter(UsEquityCalendar calendar) => _calendar = calendar;

    public MarketSession SessionAt(DateTime et)
    {
        Day day = Get(DateOnly.FromDateTime(et));
        if (!day.Trading)
        {
            return MarketSession.Closed;
        }

        TimeSpan t = et.TimeOfDay;
        return t < day.Pre ? MarketSession.Closed
            : t < day.Open ? MarketSession.Pre
            : t < day.Close ? MarketSession.Rth
            : t < day.Post ? MarketSession.Post
            : MarketSession.Closed;
    }

    public MarketSession SessionAt(DateTime et, out DateTime until)
    {
        DateOnly date = DateOnly.FromDateTime(et);
        Day day = Get(date);
        DateTime midnight = date.ToDateTime(TimeOnly.MinValue);
        TimeSpan t = et.TimeOfDay;
        (MarketSession session, TimeSpan end) = !day.Trading ? (MarketSession.Closed, TimeSpan.FromDays(1))
            : t < day.Pre ? (MarketSession.Closed, day.Pre)
            : t < day.Open ? (MarketSession.Pre, day.Open)
            : t < day.Close ? (MarketSession.Rth, day.Close)
            : t < day.Post ? (MarketSession.Post, day.Post)
            : (MarketSession.Closed, TimeSpan.FromDays(1));
        until = midnight + end;
        return session;
    }

    public bool IsTradingDay(DateOnly day) => Get(day).Trading;

    public TimeOnly RthClose(DateOnly day) => TimeOnly.FromTimeSpan(Get(day).Close);

    public DateOnly PreviousTradingDay(DateOnly day) => _calendar.PreviousTradingDay(day);

    public DateOnly NextTradingDay(DateOnly day) => _calendar.NextTradingDay(day);

    private Day Get(DateOnly date)
    {
        lock (_gate)
        {
            if (_days.TryGetValue(date, out Day day))
            {
                return day;
            }

            TradingDay td = _calendar.GetDay(date);
            day = td.IsTradingDay
                ? new Day(true, Local(td.PreOpen), Local(td.RthOpen), Local(td.RthClose), Local(td.PostClose))
                : new Day(false, default, default, new TimeSpan(16, 0, 0), default);
            _days[date] = day;
            return day;
        }
    }

    private static TimeSpan Local(DateTimeOffset? instant)
        => instant is { } i ? ExchangeClock.ToEt(i).TimeOfDay : TimeSpan.Zero;

    private readonly record struct Day(bool Trading, TimeSpan Pre, TimeSpan Open, TimeSpan Close, TimeSpan Post);
}
