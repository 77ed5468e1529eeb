using Gv2Edge.Market;

namespace Gv2Edge.Radar.State;

/// <summary>What <see cref="SessionClock.At(DateTimeOffset)"/> says about a moment.</summary>
/// <param name="Session">The session at that moment.</param>
/// <param name="ExchangeDate">The New York date of that moment.</param>
/// <param name="SessionStartUtcTicks">UTC ticks when the current session began (start of the day when closed).</param>
/// <param name="MinuteOfDay">Minutes since 00:00 New York time.</param>
public readonly record struct SessionPoint(MarketSession Session, DateOnly ExchangeDate, long SessionStartUtcTicks, int MinuteOfDay);

/// <summary>
/// Classifies instants into sessions in America/New_York without allocating: the boundaries of the current
/// exchange date (from the market calendar: holidays, half-days) are computed once per day and reused (the time-zone conversion runs only at day changes).
/// Thread-safe: the cached day is an immutable object swapped atomically.
/// </summary>
public sealed class SessionClock
{
    private readonly UsEquityCalendar _calendar;
    private Day? _day;

    /// <summary>Creates a clock over <paramref name="calendar"/> (default: the built-in US equity calendar).</summary>
    public SessionClock(UsEquityCalendar? calendar = null) => _calendar = calendar ?? new UsEquityCalendar();

    /// <summary>The session at an instant.</summary>
    public SessionPoint At(DateTimeOffset time) => At(time.UtcTicks);

    /// <summary>The session at an instant given as UTC ticks.</summary>
    public SessionPoint At(long utcTicks)
    {
        Day? day = _day;
        if (day is null || utcTicks < day.StartUtc || utcTicks >= day.EndUtc)
        {
            day = Build(utcTicks);
            _day = day;
        }

        int minute = (int)((utcTicks - day.StartUtc) / TimeSpan.TicksPerMinute);
        if (!day.IsTradingDay || utcTicks < day.PreUtc || utcTicks >= day.PostUtc)
        {
            return new(MarketSession.Closed, day.Date, utcTicks < day.PreUtc ? day.StartUtc : day.PostUtc, minute);
        }

        if (utcTicks < day.RthUtc)
        {
            return new(MarketSession.Pre, day.Date, day.PreUtc, minute);
        }

        return utcTicks < day.RthCloseUtc
            ? new(MarketSession.Rth, day.Date, day.RthUtc, minute)
            : new(MarketSession.Post, day.Date, day.RthCloseUtc, minute);
    }

    private Day Build(long utcTicks)
    {
        DateTimeOffset local = ExchangeTime.ToExchange(new DateTimeOffset(utcTicks, TimeSpan.Zero));
        var date = DateOnly.FromDateTime(local.DateTime);
        long start = ExchangeTime.At(date, TimeOnly.MinValue).UtcTicks;
        long end = ExchangeTime.At(date.AddDays(1), TimeOnly.MinValue).UtcTicks;
        TradingDay? day = date >= UsEquityCalendar.MinDate && date <= UsEquityCalendar.MaxDate ? _calendar.GetDay(date) : null;
        if (day is not { IsTradingDay: true, PreOpen: { } pre, RthOpen: { } open, RthClose: { } close, PostClose: { } post })
        {
            return new Day { Date = date, IsTradingDay = false, StartUtc = start, EndUtc = end, PreUtc = end, RthUtc = end, RthCloseUtc = end, PostUtc = end };
        }

        return new Day
        {
            Date = date,
            IsTradingDay = true,
            StartUtc = start,
            EndUtc = end,
            PreUtc = pre.UtcTicks,
            RthUtc = open.UtcTicks,
            RthCloseUtc = close.UtcTicks,
            PostUtc = post.UtcTicks,
        };
    }

    private sealed class Day
    {
        public DateOnly Date { get; init; }

        public bool IsTradingDay { get; init; }

        public long StartUtc { get; init; }

        public long EndUtc { get; init; }

        public long PreUtc { get; init; }

        public long RthUtc { get; init; }

        public long RthCloseUtc { get; init; }

        public long PostUtc { get; init; }
    }
}
