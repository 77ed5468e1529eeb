using System.Globalization;

namespace Gv2Edge.Tws.Simulator.Server;

/// <summary>IB's bar sizes and durations, parsed.</summary>
internal static class BarSpec
{
    /// <summary>Bar length in seconds for intraday sizes, or 86400 × k for "1 day" (1), "1 week" (5), "1 month" (21).</summary>
    public static bool TryParseBarSize(string text, out int seconds, out bool daily)
    {
        daily = false;
        seconds = text.Trim() switch
        {
            "1 secs" or "1 sec" => 1,
            "5 secs" => 5,
            "10 secs" => 10,
            "15 secs" => 15,
            "30 secs" => 30,
            "1 min" => 60,
            "2 mins" => 120,
            "3 mins" => 180,
            "5 mins" => 300,
            "10 mins" => 600,
            "15 mins" => 900,
            "20 mins" => 1200,
            "30 mins" => 1800,
            "1 hour" => 3600,
            "2 hours" => 7200,
            "3 hours" => 10800,
            "4 hours" => 14400,
            "8 hours" => 28800,
            "1 day" => 1,
            "1 week" => 5,
            "1 month" => 21,
            _ => 0,
        };
        daily = text.Trim() is "1 day" or "1 week" or "1 month";
        return seconds > 0;
    }

    /// <summary>Parses "N S|D|W|M|Y" into seconds (for S) or trading days (D=1, W=5, M=21, Y=252).</summary>
    public static bool TryParseDuration(string text, out int amount, out char unit)
    {
        amount = 0;
        unit = ' ';
        string[] parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[1].Length != 1 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out amount) || amount <= 0)
        {
            return false;
        }

        unit = char.ToUpperInvariant(parts[1][0]);
        return unit is 'S' or 'D' or 'W' or 'M' or 'Y';
    }

    /// <summary>The duration in seconds of calendar time, as IB's step table counts it.</summary>
    public static double DurationSeconds(int amount, char unit) => unit switch
    {
        'S' => amount,
        'D' => amount * 86_400.0,
        'W' => amount * 7 * 86_400.0,
        'M' => amount * 31 * 86_400.0,
        _ => amount * 365 * 86_400.0,
    };

    /// <summary>Trading days a D/W/M/Y duration covers.</summary>
    public static int TradingDays(int amount, char unit) => unit switch
    {
        'D' => amount,
        'W' => amount * 5,
        'M' => amount * 21,
        'Y' => amount * 252,
        _ => 1,
    };

    /// <summary>
    /// IB's step table: the smallest bar allowed for a duration (60 S → 1 sec … 1 W → 3 mins, 1 M → 30 mins, longer → 1 day).
    /// </summary>
    public static int SmallestBarSeconds(double durationSeconds) => durationSeconds switch
    {
        <= 1800 => 1,
        <= 3600 => 5,
        <= 14400 => 10,
        <= 28800 => 30,
        <= 86_400 => 60,
        <= 2 * 86_400 => 120,
        <= 7 * 86_400 => 180,
        <= 31 * 86_400 => 1800,
        _ => 86_400,
    };
}
