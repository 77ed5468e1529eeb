namespace Gv2Edge.Market;

/// <summary>Time to expiry for US equity options, the T that <see cref="BlackScholes"/> takes.</summary>
public static class OptionExpiry
{
    /// <summary>Calendar days in the year used to turn time into years (the convention of Hull and of IB's model).</summary>
    public const double DaysPerYear = 365.0;

    /// <summary>
    /// When an option on <paramref name="expiry"/> stops trading: 16:00 ET that day (the last trading day's
    /// regular close; a 13:00 close on a half-day is not modelled, the difference is three hours).
    /// </summary>
    public static DateTimeOffset ExpiryTime(DateOnly expiry) => ExchangeTime.At(expiry, new TimeOnly(16, 0));

    /// <summary>
    /// Years from <paramref name="now"/> to the expiry time, counted in calendar time (DST-correct) over
    /// 365-day years; zero once expired.
    /// </summary>
    public static double YearsUntil(DateOnly expiry, DateTimeOffset now)
    {
        var remaining = ExpiryTime(expiry) - now;
        return remaining <= TimeSpan.Zero ? 0.0 : remaining.TotalDays / DaysPerYear;
    }
}
