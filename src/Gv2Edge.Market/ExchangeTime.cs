namespace Gv2Edge.Market;

/// <summary>
/// Exchange-local time for US equities: America/New_York with its daylight-saving rules.
/// Every session boundary and every "today" in the project is decided in this zone, never in the host's zone.
/// </summary>
public static class ExchangeTime
{
    /// <summary>The IANA id of the exchange zone.</summary>
    public const string ZoneId = "America/New_York";

    /// <summary>
    /// The exchange zone. Read from the system's time-zone database; on a host without one (slim containers),
    /// a built-in copy of the US rules since 1987 is used so the zone is never silently UTC.
    /// </summary>
    public static TimeZoneInfo Zone { get; } = LoadZone();

    /// <summary>The same instant expressed with the exchange's UTC offset.</summary>
    public static DateTimeOffset ToExchange(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary>The exchange-local calendar date at an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset time) => DateOnly.FromDateTime(ToExchange(time).DateTime);

    /// <summary>
    /// The instant of an exchange-local wall-clock time. A time skipped by the spring-forward switch is moved
    /// forward by the gap (02:30 becomes 03:30 EDT); a time repeated by the fall-back switch takes its first
    /// (daylight-time) occurrence. Session times (04:00–20:00) are never affected.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // The gap is the difference between the offsets either side of the switch (one hour in New York).
            var before = Zone.GetUtcOffset(local.AddHours(-3));
            var after = Zone.GetUtcOffset(local.AddHours(3));
            local = local + (after - before);
            return new DateTimeOffset(local, Zone.GetUtcOffset(local));
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>Converts an exchange-local wall-clock date and time to UTC (see <see cref="At"/> for DST gaps).</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time) => At(date, time).ToUniversalTime();

    private static TimeZoneInfo LoadZone()
    {
        foreach (var id in new[] { ZoneId, "Eastern Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }

        return BuiltInEastern();
    }

    internal static TimeZoneInfo BuiltInEastern()
    {
        static TimeZoneInfo.TransitionTime Rule(int month, int week, DayOfWeek day) =>
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), month, week, day);

        // Week 5 means "last" in TransitionTime.
        var rules = new[]
        {
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(1987, 1, 1), new DateTime(2006, 12, 31), TimeSpan.FromHours(1),
                Rule(4, 1, DayOfWeek.Sunday), Rule(10, 5, DayOfWeek.Sunday)),
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2007, 1, 1), DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                Rule(3, 2, DayOfWeek.Sunday), Rule(11, 1, DayOfWeek.Sunday)),
        };
        return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(-5), "Eastern", "EST", "EDT", rules);
    }
}
