namespace Gv2Edge.Market;

/// <summary>
/// Where an instant falls in the US equity schedule. All instants carry the America/New_York offset.
/// </summary>
/// <param name="Time">The instant asked about, in exchange time.</param>
/// <param name="Session">The session in force at <paramref name="Time"/>.</param>
/// <param name="Day">The exchange-local calendar date of <paramref name="Time"/> as the calendar schedules it.</param>
/// <param name="SessionDate">
/// The trading day that "today" means for quotes and gaps: the date of the current session, or while closed
/// (overnight, weekends, holidays) the last trading day whose sessions have started.
/// </param>
/// <param name="SessionStart">When the current session (including a closed period) began.</param>
/// <param name="SessionEnd">When the current session (including a closed period) ends.</param>
/// <param name="NextOpen">The next regular-session open strictly after <paramref name="Time"/>.</param>
/// <param name="NextClose">The next regular-session close strictly after <paramref name="Time"/>.</param>
public sealed record SessionInfo(
    DateTimeOffset Time,
    MarketSession Session,
    TradingDay Day,
    DateOnly SessionDate,
    DateTimeOffset SessionStart,
    DateTimeOffset SessionEnd,
    DateTimeOffset NextOpen,
    DateTimeOffset NextClose)
{
    /// <summary>True when the exchange-local date of <see cref="Time"/> is a trading day.</summary>
    public bool IsTradingDay => Day.IsTradingDay;

    /// <summary>True when the exchange-local date of <see cref="Time"/> is a 13:00 early close.</summary>
    public bool IsHalfDay => Day.IsHalfDay;

    /// <summary>The holiday or early-close reason of that date, null otherwise (see <see cref="TradingDay.HolidayName"/>).</summary>
    public string? Holiday => Day.HolidayName;

    /// <summary>Today's regular-session open, null when the date does not trade.</summary>
    public DateTimeOffset? RthOpen => Day.RthOpen;

    /// <summary>Today's regular-session close, null when the date does not trade.</summary>
    public DateTimeOffset? RthClose => Day.RthClose;

    /// <summary>True during pre-market, regular hours or after hours.</summary>
    public bool IsOpen => Session != MarketSession.Closed;
}
