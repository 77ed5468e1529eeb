namespace Gv2Edge.Radar.State;

/// <summary>What <see cref="SessionClock.At(DateTimeOffset)"/> says about a moment.</summary>
/// <param name="Session">The session at that moment.</param>
/// <param name="ExchangeDate">The New York date of that moment.</param>
/// <param name="SessionStartUtcTicks">UTC ticks when the current session began (start of the day when closed).</param>
/// <param name="MinuteOfDay">Minutes since 00:00 New York time.</param>
public readonly record struct SessionPoint(MarketSession Session, DateOnly ExchangeDate, long SessionStartUtcTicks, int MinuteOfDay);

/// <summary>
/// Classifies instants into sessions in America/New_York without allocating: the boundaries of the current
/// exchange date are computed once per day and reused (the time-zone conversion runs only at day changes).
/// Thread-safe: the cached day is an immutable object swapped atomically.
/// </summary>
public sealed class SessionClock
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly ITradingHoursSource _hours;
    private Day? _day;

    /// <summary>Creates a clock over <paramref name="hours"/> (default: <see cref="WeekdayTradingHours"/>).</summary>
    public SessionClock(ITradingHoursSource? hours = null) => _hours = hours ?? WeekdayTradingHours.Instance;

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
        if (!day.Hours.IsTradingDay || utcTicks < day.PreUtc || utcTicks >= day.PostUtc)
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
        var utc = new DateTime(utcTicks, DateTimeKind.Utc);
        DateTime local = TimeZoneInfo.ConvertTimeFromUtc(utc, NewYork);
        var date = DateOnly.FromDateTime(local);
        TradingHours hours = _hours.For(date);
        return new Day
        {
            Date = date,
            Hours = hours,
            StartUtc = ToUtc(date, TimeOnly.MinValue),
            EndUtc = ToUtc(date.AddDays(1), TimeOnly.MinValue),
            PreUtc = ToUtc(date, hours.PreOpen),
            RthUtc = ToUtc(date, hours.RthOpen),
            RthCloseUtc = ToUtc(date, hours.RthClose),
            PostUtc = ToUtc(date, hours.PostClose),
        };
    }

    private static long ToUtc(DateOnly date, TimeOnly time)
    {
        var local = DateTime.SpecifyKind(date.ToDateTime(time), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(local, NewYork).Ticks;
    }

    private sealed class Day
    {
        public DateOnly Date { get; init; }

        public TradingHours Hours { get; init; }

        public long StartUtc { get; init; }

        public long EndUtc { get; init; }

        public long PreUtc { get; init; }

        public long RthUtc { get; init; }

        public long RthCloseUtc { get; init; }

        public long PostUtc { get; init; }
    }
}
