namespace Gv2Edge.Radar.State;

/// <summary>Session boundaries of one exchange date, in exchange (New York) local time.</summary>
/// <param name="IsTradingDay">False on weekends and holidays (the whole day is closed).</param>
/// <param name="PreOpen">Pre-market start (04:00).</param>
/// <param name="RthOpen">Regular session start (09:30).</param>
/// <param name="RthClose">Regular session end (16:00, 13:00 on half-days).</param>
/// <param name="PostClose">After-hours end (20:00, 17:00 on half-days).</param>
public readonly record struct TradingHours(bool IsTradingDay, TimeOnly PreOpen, TimeOnly RthOpen, TimeOnly RthClose, TimeOnly PostClose)
{
    /// <summary>A normal full day: 04:00 / 09:30 / 16:00 / 20:00.</summary>
    public static TradingHours FullDay { get; } = new(true, new(4, 0), new(9, 30), new(16, 0), new(20, 0));

    /// <summary>A closed day.</summary>
    public static TradingHours ClosedDay { get; } = FullDay with { IsTradingDay = false };
}

/// <summary>
/// Where the trading hours of a date come from. The app adapts the market calendar (holidays, half-days) to
/// this; <see cref="WeekdayTradingHours"/> is the calendar-free default.
/// </summary>
public interface ITradingHoursSource
{
    /// <summary>The hours of an exchange date.</summary>
    TradingHours For(DateOnly exchangeDate);
}

/// <summary>Every weekday is a full trading day; weekends are closed. Knows no holidays.</summary>
public sealed class WeekdayTradingHours : ITradingHoursSource
{
    /// <summary>The shared instance.</summary>
    public static WeekdayTradingHours Instance { get; } = new();

    /// <inheritdoc />
    public TradingHours For(DateOnly exchangeDate) =>
        exchangeDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? TradingHours.ClosedDay : TradingHours.FullDay;
}
