using System.Collections.Frozen;

namespace Gv2Edge.Market;

/// <summary>
/// The NYSE/Nasdaq trading calendar from 2000 to 2100: weekends, rule-based holidays with their observance,
/// 13:00 early closes, and one-off closures from a data file (the built-in list plus any the user adds).
/// Immutable and thread-safe.
/// </summary>
public sealed class UsEquityCalendar
{
    /// <summary>First date the calendar answers for.</summary>
    public static readonly DateOnly MinDate = new(2000, 1, 1);

    /// <summary>Last date the calendar answers for.</summary>
    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    internal static readonly TimeOnly PreOpenTime = new(4, 0);
    internal static readonly TimeOnly RthOpenTime = new(9, 30);
    internal static readonly TimeOnly RthCloseTime = new(16, 0);
    internal static readonly TimeOnly HalfDayRthCloseTime = new(13, 0);
    internal static readonly TimeOnly PostCloseTime = new(20, 0);
    internal static readonly TimeOnly HalfDayPostCloseTime = new(17, 0);

    private readonly FrozenDictionary<DateOnly, SpecialDay> _special;

    /// <summary>The calendar with the built-in one-off closures only.</summary>
    public UsEquityCalendar()
        : this([])
    {
    }

    /// <summary>
    /// The calendar with the built-in one-off closures plus <paramref name="extraDays"/>; an extra day
    /// replaces whatever the rules or the built-in list say about that date.
    /// </summary>
    public UsEquityCalendar(IEnumerable<SpecialDay> extraDays)
    {
        ArgumentNullException.ThrowIfNull(extraDays);
        var days = new Dictionary<DateOnly, SpecialDay>();
        for (var year = MinDate.Year; year <= MaxDate.Year; year++)
        {
            NyseRules.AddYear(year, days);
        }

        foreach (var day in SpecialDayFile.BuiltIn.Concat(extraDays))
        {
            days[day.Date] = day;
        }

        _special = days.ToFrozenDictionary();
    }

    /// <summary>The calendar with the built-in closures plus those in a special-day file (see <see cref="SpecialDayFile"/>).</summary>
    public static UsEquityCalendar Load(string path) => new(SpecialDayFile.Load(path));

    /// <summary>Every holiday, closure and early close known between two dates (inclusive), in date order.</summary>
    public IReadOnlyList<SpecialDay> SpecialDays(DateOnly from, DateOnly to) =>
        [.. _special.Values.Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date)];

    /// <summary>How the market schedules <paramref name="date"/> (exchange-local).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside 2000–2100.</exception>
    public TradingDay GetDay(DateOnly date)
    {
        CheckRange(date);
        _special.TryGetValue(date, out var special);
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return new TradingDay(date, false, false, null, null, null, null, null);
        }

        if (special is { Kind: SpecialDayKind.Closed })
        {
            return new TradingDay(date, false, false, special.Name, null, null, null, null);
        }

        var half = special is { Kind: SpecialDayKind.EarlyClose };
        return new TradingDay(
            date,
            true,
            half,
            special?.Name,
            ExchangeTime.At(date, RthOpenTime),
            ExchangeTime.At(date, half ? HalfDayRthCloseTime : RthCloseTime),
            ExchangeTime.At(date, PreOpenTime),
            ExchangeTime.At(date, half ? HalfDayPostCloseTime : PostCloseTime));
    }

    /// <summary>True when the market trades on <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside 2000–2100.</exception>
    public bool IsTradingDay(DateOnly date)
    {
        CheckRange(date);
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && !(_special.TryGetValue(date, out var s) && s.Kind == SpecialDayKind.Closed);
    }

    /// <summary>True when <paramref name="date"/> is a trading day with a 13:00 close.</summary>
    public bool IsHalfDay(DateOnly date) =>
        IsTradingDay(date) && _special.TryGetValue(date, out var s) && s.Kind == SpecialDayKind.EarlyClose;

    /// <summary>The first trading day strictly after <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The answer would fall outside 2000–2100.</exception>
    public DateOnly NextTradingDay(DateOnly date)
    {
        var d = date.AddDays(1);
        while (!IsTradingDay(d))
        {
            d = d.AddDays(1);
        }

        return d;
    }

    /// <summary>The last trading day strictly before <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The answer would fall outside 2000–2100.</exception>
    public DateOnly PreviousTradingDay(DateOnly date)
    {
        var d = date.AddDays(-1);
        while (!IsTradingDay(d))
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    /// <summary>Trading days from <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    public IEnumerable<DateOnly> TradingDays(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (IsTradingDay(d))
            {
                yield return d;
            }
        }
    }

    private static void CheckRange(DateOnly date)
    {
        if (date < MinDate || date > MaxDate)
        {
            throw new ArgumentOutOfRangeException(
                nameof(date), date, $"The US equity calendar covers {MinDate:yyyy-MM-dd} to {MaxDate:yyyy-MM-dd}; {date:yyyy-MM-dd} is outside it.");
        }
    }
}
