namespace Gv2Edge.Radar.Engines;

/// <summary>Exchange time (America/New_York) for time-of-day baselines.</summary>
internal static class ExchangeClock
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The instant in New York local time (the offset is the one in force at that instant).</summary>
    public static DateTimeOffset ToNewYork(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, NewYork);

    /// <summary>Minutes since New York midnight.</summary>
    public static double MinuteOfDay(DateTimeOffset time) => ToNewYork(time).TimeOfDay.TotalMinutes;

    /// <summary>The New York calendar date of the instant.</summary>
    public static DateOnly Date(DateTimeOffset time) => DateOnly.FromDateTime(ToNewYork(time).DateTime);
}
