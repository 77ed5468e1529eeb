namespace Gv2Edge.Market;

/// <summary>
/// One exchange-local calendar date as the US equity market schedules it. Times are instants with the
/// America/New_York offset of that date; all four are null when the market does not trade that day.
/// </summary>
/// <param name="Date">The exchange-local date.</param>
/// <param name="IsTradingDay">True when the market trades (a weekday that is neither a holiday nor a closure).</param>
/// <param name="IsHalfDay">True on a 13:00 early close (regular session to 13:00, extended session to 17:00).</param>
/// <param name="HolidayName">
/// The holiday or closure name on a closed weekday, the reason on a half-day (e.g. "Christmas Eve"),
/// null on ordinary days and weekends.
/// </param>
/// <param name="RthOpen">Regular session open, 09:30 ET.</param>
/// <param name="RthClose">Regular session close, 16:00 ET (13:00 on a half-day).</param>
/// <param name="PreOpen">Pre-market open, 04:00 ET.</param>
/// <param name="PostClose">After-hours close, 20:00 ET (17:00 on a half-day).</param>
public sealed record TradingDay(
    DateOnly Date,
    bool IsTradingDay,
    bool IsHalfDay,
    string? HolidayName,
    DateTimeOffset? RthOpen,
    DateTimeOffset? RthClose,
    DateTimeOffset? PreOpen,
    DateTimeOffset? PostClose);
