using Gv2Edge.Market;
using Xunit;

namespace Gv2Edge.Market.Tests;

/// <summary>
/// The calendar against NYSE's published holiday and early-close schedules (nyse.com "Holidays &amp; Trading
/// Hours", past years from the NYSE closings history). Every closed weekday and every 13:00 close of each year
/// is listed, so an extra date is as much a failure as a missing one.
/// </summary>
public class NyseScheduleTests
{
    private static readonly UsEquityCalendar Calendar = new();

    public static TheoryData<int, string[], string[]> PublishedYears => new()
    {
        {
            2015,
            ["2015-01-01", "2015-01-19", "2015-02-16", "2015-04-03", "2015-05-25", "2015-07-03", "2015-09-07", "2015-11-26", "2015-12-25"],
            ["2015-11-27", "2015-12-24"]
        },
        {
            2016,
            ["2016-01-01", "2016-01-18", "2016-02-15", "2016-03-25", "2016-05-30", "2016-07-04", "2016-09-05", "2016-11-24", "2016-12-26"],
            ["2016-11-25"]
        },
        {
            2017,
            ["2017-01-02", "2017-01-16", "2017-02-20", "2017-04-14", "2017-05-29", "2017-07-04", "2017-09-04", "2017-11-23", "2017-12-25"],
            ["2017-07-03", "2017-11-24"]
        },
        {
            2018,
            ["2018-01-01", "2018-01-15", "2018-02-19", "2018-03-30", "2018-05-28", "2018-07-04", "2018-09-03", "2018-11-22", "2018-12-05", "2018-12-25"],
            ["2018-07-03", "2018-11-23", "2018-12-24"]
        },
        {
            2019,
            ["2019-01-01", "2019-01-21", "2019-02-18", "2019-04-19", "2019-05-27", "2019-07-04", "2019-09-02", "2019-11-28", "2019-12-25"],
            ["2019-07-03", "2019-11-29", "2019-12-24"]
        },
        {
            2020,
            ["2020-01-01", "2020-01-20", "2020-02-17", "2020-04-10", "2020-05-25", "2020-07-03", "2020-09-07", "2020-11-26", "2020-12-25"],
            ["2020-11-27", "2020-12-24"]
        },
        {
            2021,
            ["2021-01-01", "2021-01-18", "2021-02-15", "2021-04-02", "2021-05-31", "2021-07-05", "2021-09-06", "2021-11-25", "2021-12-24"],
            ["2021-11-26"]
        },
        {
            2022,
            ["2022-01-17", "2022-02-21", "2022-04-15", "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05", "2022-11-24", "2022-12-26"],
            ["2022-11-25"]
        },
        {
            2023,
            ["2023-01-02", "2023-01-16", "2023-02-20", "2023-04-07", "2023-05-29", "2023-06-19", "2023-07-04", "2023-09-04", "2023-11-23", "2023-12-25"],
            ["2023-07-03", "2023-11-24"]
        },
        {
            2024,
            ["2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25"],
            ["2024-07-03", "2024-11-29", "2024-12-24"]
        },
        {
            2025,
            ["2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25"],
            ["2025-07-03", "2025-11-28", "2025-12-24"]
        },
        {
            2026,
            ["2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"],
            ["2026-11-27", "2026-12-24"]
        },
        {
            2027,
            ["2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24"],
            ["2027-11-26"]
        },
    };

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Closed_weekdays_match_the_published_schedule(int year, string[] closed, string[] earlyCloses)
    {
        _ = earlyCloses;
        var actual = Weekdays(year).Where(d => !Calendar.IsTradingDay(d)).Select(Iso);
        Assert.Equal(closed, actual);
    }

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Early_closes_match_the_published_schedule(int year, string[] closed, string[] earlyCloses)
    {
        _ = closed;
        var actual = Weekdays(year).Where(Calendar.IsHalfDay).Select(Iso);
        Assert.Equal(earlyCloses, actual);
    }

    [Theory]
    [InlineData("2002-07-05", "Day after Independence Day")]
    [InlineData("2003-12-26", "Day after Christmas")]
    [InlineData("2007-07-03", "Day before Independence Day")]
    [InlineData("2013-07-03", "Day before Independence Day")]
    [InlineData("2014-07-03", "Day before Independence Day")]
    [InlineData("2012-12-24", "Christmas Eve")]
    public void Historical_early_closes_follow_the_practice_of_their_time(string date, string reason)
    {
        var day = Calendar.GetDay(DateOnly.Parse(date));
        Assert.True(day.IsTradingDay);
        Assert.True(day.IsHalfDay);
        Assert.Equal(reason, day.HolidayName);
    }

    [Theory]
    [InlineData("2002-07-03")]
    [InlineData("2009-07-02")]
    [InlineData("2010-07-02")]
    [InlineData("2010-12-23")]
    [InlineData("2032-12-23")]
    public void Days_next_to_an_observed_or_moved_holiday_are_full_days(string date)
    {
        var day = Calendar.GetDay(DateOnly.Parse(date));
        Assert.True(day.IsTradingDay);
        Assert.False(day.IsHalfDay);
    }

    [Theory]
    [InlineData("2001-09-11")]
    [InlineData("2001-09-14")]
    [InlineData("2004-06-11")]
    [InlineData("2007-01-02")]
    [InlineData("2012-10-29")]
    [InlineData("2012-10-30")]
    public void One_off_closures_before_2015_are_closed(string date) =>
        Assert.False(Calendar.IsTradingDay(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2004-12-31")]
    [InlineData("2010-12-31")]
    [InlineData("2021-12-31")]
    [InlineData("2032-12-31")]
    public void A_Saturday_New_Year_is_not_observed_on_the_Friday_before(string date) =>
        Assert.True(Calendar.IsTradingDay(DateOnly.Parse(date)));

    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2100, "2100-03-28")]
    public void Easter_is_computed_for_early_and_late_years(int year, string easter) =>
        Assert.Equal(DateOnly.Parse(easter), NyseRules.EasterSunday(year));

    [Fact]
    public void Every_year_to_2100_has_the_rule_based_holidays_on_weekdays()
    {
        for (var year = 2000; year <= 2100; year++)
        {
            var holidays = Calendar.SpecialDays(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
                .Where(d => d.Kind == SpecialDayKind.Closed && !d.Name.StartsWith("New Year", StringComparison.Ordinal))
                .Where(d => !SpecialDayFile.BuiltIn.Any(b => b.Date == d.Date))
                .ToList();
            Assert.Equal(year >= 2022 ? 9 : 8, holidays.Count);
            Assert.All(holidays, h => Assert.InRange(h.Date.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday));
        }
    }

    private static IEnumerable<DateOnly> Weekdays(int year)
    {
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                yield return d;
            }
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
