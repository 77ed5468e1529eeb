namespace Gv2Edge.Market;

/// <summary>
/// Classifies instants into US equity sessions in America/New_York: PRE 04:00–09:30, RTH 09:30–16:00
/// (13:00 on a half-day), POST 16:00–20:00 (13:00–17:00 on a half-day), CLOSED otherwise. Every boundary is
/// half-open, [start, end): 09:30:00 is RTH, 16:00:00 is POST. Thread-safe.
/// </summary>
public sealed class UsEquitySessions
{
    /// <summary>Sessions over <paramref name="calendar"/>.</summary>
    public UsEquitySessions(UsEquityCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Calendar = calendar;
    }

    /// <summary>The calendar the sessions follow.</summary>
    public UsEquityCalendar Calendar { get; }

    /// <summary>The session at the current time of <paramref name="clock"/>.</summary>
    public SessionInfo Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return GetSession(clock.GetUtcNow());
    }

    /// <summary>The session at <paramref name="time"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside the calendar's 2000–2100 range.</exception>
    public SessionInfo GetSession(DateTimeOffset time)
    {
        var et = ExchangeTime.ToExchange(time);
        var day = Calendar.GetDay(DateOnly.FromDateTime(et.DateTime));
        if (day is { IsTradingDay: true, PreOpen: { } pre, RthOpen: { } open, RthClose: { } close, PostClose: { } post })
        {
            if (et >= pre && et < post)
            {
                var (session, start, end) = et < open ? (MarketSession.Pre, pre, open)
                    : et < close ? (MarketSession.Rth, open, close)
                    : (MarketSession.Post, close, post);
                return new SessionInfo(et, session, day, day.Date, start, end,
                    et < open ? open : NextDay(day.Date).RthOpen!.Value,
                    et < close ? close : NextDay(day.Date).RthClose!.Value);
            }

            if (et < pre)
            {
                var previous = GetLastDay(day.Date);
                return new SessionInfo(et, MarketSession.Closed, day, previous.Date, previous.PostClose!.Value, pre, open, close);
            }

            var next = NextDay(day.Date);
            return new SessionInfo(et, MarketSession.Closed, day, day.Date, post, next.PreOpen!.Value, next.RthOpen!.Value, next.RthClose!.Value);
        }

        var last = GetLastDay(day.Date);
        var following = NextDay(day.Date);
        return new SessionInfo(et, MarketSession.Closed, day, last.Date, last.PostClose!.Value,
            following.PreOpen!.Value, following.RthOpen!.Value, following.RthClose!.Value);
    }

    /// <summary>The session at <paramref name="time"/>, without the rest of <see cref="SessionInfo"/>.</summary>
    public MarketSession SessionAt(DateTimeOffset time) => GetSession(time).Session;

    /// <summary>The next instant strictly after <paramref name="time"/> at which PRE, RTH or POST begins.</summary>
    public DateTimeOffset NextSessionStart(DateTimeOffset time)
    {
        var info = GetSession(time);
        return info.Session == MarketSession.Post ? GetSession(info.SessionEnd).SessionEnd : info.SessionEnd;
    }

    /// <summary>The next instant strictly after <paramref name="time"/> at which <paramref name="session"/> begins.</summary>
    public DateTimeOffset NextStartOf(MarketSession session, DateTimeOffset time)
    {
        var date = ExchangeTime.DateOf(time);
        var day = Calendar.IsTradingDay(date) ? Calendar.GetDay(date) : NextDay(date);
        while (true)
        {
            var start = session switch
            {
                MarketSession.Pre => day.PreOpen!.Value,
                MarketSession.Rth => day.RthOpen!.Value,
                MarketSession.Post => day.RthClose!.Value,
                MarketSession.Closed => day.PostClose!.Value,
                _ => throw new ArgumentOutOfRangeException(nameof(session), session, "Unknown market session."),
            };
            if (start > time)
            {
                return start;
            }

            day = NextDay(day.Date);
        }
    }

    private TradingDay NextDay(DateOnly date) => Calendar.GetDay(Calendar.NextTradingDay(date));

    private TradingDay GetLastDay(DateOnly date) => Calendar.GetDay(Calendar.PreviousTradingDay(date));
}
