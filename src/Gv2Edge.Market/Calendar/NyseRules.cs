namespace Gv2Edge.Market;

/// <summary>
/// NYSE's recurring holidays and early closes, computed by rule (valid from 2000; the rules below encode the
/// exchange's practice, including the changes of 1999 and 2013).
/// </summary>
internal static class NyseRules
{
    /// <summary>Adds the year's rule-based holidays and early closes to <paramref name="days"/>.</summary>
    public static void AddYear(int year, Dictionary<DateOnly, SpecialDay> days)
    {
        void Closed(DateOnly? date, string name)
        {
            if (date is { } d)
            {
                days[d] = new SpecialDay(d, SpecialDayKind.Closed, name);
            }
        }

        void ClosedObserved(DateOnly actual, string name)
        {
            var observed = Observed(actual);
            Closed(observed, observed == actual ? name : name + " (observed)");
        }

        void Early(DateOnly date, string name) => days[date] = new SpecialDay(date, SpecialDayKind.EarlyClose, name);

        // NYSE Rule 7.2: a Saturday New Year's Day is not moved to Friday December 31 (year-end books stay open).
        var newYear = new DateOnly(year, 1, 1);
        Closed(newYear.DayOfWeek switch
        {
            DayOfWeek.Saturday => null,
            DayOfWeek.Sunday => newYear.AddDays(1),
            _ => newYear,
        }, newYear.DayOfWeek == DayOfWeek.Sunday ? "New Year's Day (observed)" : "New Year's Day");
        Closed(NthWeekday(year, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day");
        Closed(NthWeekday(year, 2, DayOfWeek.Monday, 3), "Washington's Birthday");
        Closed(EasterSunday(year).AddDays(-2), "Good Friday");
        Closed(LastWeekday(year, 5, DayOfWeek.Monday), "Memorial Day");
        if (year >= 2022)
        {
            ClosedObserved(new DateOnly(year, 6, 19), "Juneteenth National Independence Day");
        }

        var july4 = new DateOnly(year, 7, 4);
        ClosedObserved(july4, "Independence Day");
        Closed(NthWeekday(year, 9, DayOfWeek.Monday, 1), "Labor Day");
        var thanksgiving = NthWeekday(year, 11, DayOfWeek.Thursday, 4);
        Closed(thanksgiving, "Thanksgiving Day");
        ClosedObserved(new DateOnly(year, 12, 25), "Christmas Day");

        // July 3 closes early when it is a Monday, Tuesday or Thursday; a Wednesday July 3 only since 2013 —
        // before that the Friday after a Thursday July 4 was the short day instead. A Friday July 3 is the
        // observed holiday and a weekend July 3 needs nothing.
        var july3 = new DateOnly(year, 7, 3);
        if (july3.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday
            || (july3.DayOfWeek == DayOfWeek.Wednesday && year >= 2013))
        {
            Early(july3, "Day before Independence Day");
        }
        else if (july4.DayOfWeek == DayOfWeek.Thursday && year < 2013)
        {
            Early(july4.AddDays(1), "Day after Independence Day");
        }

        Early(thanksgiving.AddDays(1), "Day after Thanksgiving");

        // Christmas Eve closes early Monday to Thursday; a Friday Christmas Eve is the observed holiday.
        var christmasEve = new DateOnly(year, 12, 24);
        if (christmasEve.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
        {
            Early(christmasEve, "Christmas Eve");
        }
    }

    /// <summary>Federal observance: Saturday moves to Friday, Sunday to Monday.</summary>
    internal static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    internal static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    internal static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var back = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-back);
    }

    /// <summary>Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" computus).</summary>
    internal static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
