using Gv2Edge.Market;

namespace Gv2Edge.Radar.Engines;

/// <summary>Exchange-time shortcuts for time-of-day baselines (over <see cref="ExchangeTime"/>).</summary>
internal static class ExchangeClock
{
    /// <summary>Minutes since New York midnight.</summary>
    public static double MinuteOfDay(DateTimeOffset time) => ExchangeTime.ToExchange(time).TimeOfDay.TotalMinutes;

    /// <summary>The New York calendar date of the instant.</summary>
    public static DateOnly Date(DateTimeOffset time) => ExchangeTime.DateOf(time);
}
