using Gv2Edge.Market;
using Xunit;

namespace Gv2Edge.Market.Tests;

public class CalendarTests
{
    private static readonly UsEquityCalendar Calendar = new();

    [Fact]
    public void A_normal_day_has_its_four_times_in_exchange_time()
    {
        var day = Calendar.GetDay(new DateOnly(2026, 7, 15));
        Assert.True(day.IsTradingDay);
        Assert.False(day.IsHalfDay);
        Assert.Null(day.HolidayName);
        Assert.Equal(DateTimeOffset.Parse("2026-07-15T04:00:00-04:00"), day.PreOpen);
        Assert.Equal(DateTimeOffset.Parse("2026-07-15T09:30:00-04:00"), day.RthOpen);
        Assert.Equal(DateTimeOffset.Parse("2026-07-15T16:00:00-04:00"), day.RthClose);
        Assert.Equal(DateTimeOffset.Parse("2026-07-15T20:00:00-04:00"), day.PostClose);
    }

    [Fact]
    public void A_half_day_closes_at_13_and_its_extended_session_at_17()
    {
        var day = Calendar.GetDay(new DateOnly(2026, 11, 27));
        Assert.True(day.IsHalfDay);
        Assert.Equal("Day after Thanksgiving", day.HolidayName);
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T13:00:00-05:00"), day.RthClose);
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T17:00:00-05:00"), day.PostClose);
    }

    [Fact]
    public void A_weekend_and_a_holiday_have_no_times()
    {
        var saturday = Calendar.GetDay(new DateOnly(2026, 11, 28));
        Assert.False(saturday.IsTradingDay);
        Assert.Null(saturday.HolidayName);
        Assert.Null(saturday.RthOpen);
        var holiday = Calendar.GetDay(new DateOnly(2025, 1, 9));
        Assert.False(holiday.IsTradingDay);
        Assert.Equal("National Day of Mourning for President Jimmy Carter", holiday.HolidayName);
        Assert.Null(holiday.PreOpen);
        Assert.Null(holiday.PostClose);
    }

    [Theory]
    [InlineData("2026-11-25", "2026-11-27", "2026-11-24")]
    [InlineData("2026-07-02", "2026-07-06", "2026-07-01")]
    [InlineData("2026-07-04", "2026-07-06", "2026-07-02")]
    [InlineData("2025-01-08", "2025-01-10", "2025-01-07")]
    [InlineData("2025-01-10", "2025-01-13", "2025-01-08")]
    [InlineData("2022-12-30", "2023-01-03", "2022-12-29")]
    public void Next_and_previous_trading_days_skip_weekends_and_holidays(string date, string next, string previous)
    {
        var d = DateOnly.Parse(date);
        Assert.Equal(DateOnly.Parse(next), Calendar.NextTradingDay(d));
        Assert.Equal(DateOnly.Parse(previous), Calendar.PreviousTradingDay(d));
    }

    [Fact]
    public void Trading_days_counts_the_2026_year()
    {
        // 261 weekdays in 2026 minus 10 holidays.
        Assert.Equal(251, Calendar.TradingDays(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).Count());
    }

    [Fact]
    public void Dates_outside_2000_to_2100_are_rejected_with_the_range_in_the_message()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.GetDay(new DateOnly(1999, 12, 31)));
        Assert.Contains("2000-01-01 to 2100-12-31", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.NextTradingDay(new DateOnly(2100, 12, 31)));
    }
}
