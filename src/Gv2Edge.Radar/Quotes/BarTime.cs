using System.Globalization;
using Gv2Edge.Market;

namespace Gv2Edge.Radar.Quotes;

/// <summary>
/// Reads the time stamp of an IB historical bar: <c>yyyyMMdd</c> (daily and longer), epoch seconds (formatDate 2),
/// <c>yyyyMMdd-HH:mm:ss</c> (UTC) or <c>yyyyMMdd HH:mm:ss [zone]</c>. A stamp without a zone is in the gateway's
/// login zone, which for a US-equities setup is New York: it is read as exchange time.
/// </summary>
public static class BarTime
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="daily"/> is true for date-only stamps (their instant is 00:00 ET).</summary>
    /// <exception cref="FormatException">Not a bar time stamp.</exception>
    public static DateTimeOffset Parse(string text, out bool daily)
    {
        string t = (text ?? string.Empty).Trim();
        daily = false;
        if (t.Length == 8 && DateOnly.TryParseExact(t, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            daily = true;
            return ExchangeTime.At(day, TimeOnly.MinValue);
        }

        if (t.Length is >= 9 and <= 11 && t.All(char.IsAsciiDigit))
        {
            return ExchangeTime.ToExchange(DateTimeOffset.FromUnixTimeSeconds(long.Parse(t, CultureInfo.InvariantCulture)));
        }

        if (DateTime.TryParseExact(t, "yyyyMMdd-HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime utc))
        {
            return ExchangeTime.ToExchange(new DateTimeOffset(utc, TimeSpan.Zero));
        }

        string[] parts = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && DateTime.TryParseExact(parts[0] + " " + parts[1], "yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            TimeZoneInfo zone = parts.Length > 2 ? Zone(parts[2]) : ExchangeTime.Zone;
            if (zone == ExchangeTime.Zone)
            {
                return ExchangeTime.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
            }

            return ExchangeTime.ToExchange(new DateTimeOffset(local, zone.GetUtcOffset(local)));
        }

        throw new FormatException($"\"{text}\" is not a bar time stamp (yyyyMMdd, yyyyMMdd HH:mm:ss [zone], or epoch seconds).");
    }

    /// <summary>The end-date-time text IB accepts in UTC (<c>yyyyMMdd-HH:mm:ss</c>).</summary>
    public static string ToRequestEnd(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyyMMdd-HH:mm:ss", CultureInfo.InvariantCulture);

    private static TimeZoneInfo Zone(string id)
    {
        if (id is "US/Eastern" or "EST" or "EDT" or "EST5EDT" or ExchangeTime.ZoneId)
        {
            return ExchangeTime.Zone;
        }

        if (id is "UTC" or "GMT")
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"Unknown time zone \"{id}\" in a bar time stamp.", ex);
        }
    }
}
