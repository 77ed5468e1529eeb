using System.Text.Json;
using Gv2Edge.Market;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gv2Edge.Market.Tests;

public class SessionTests
{
    private static readonly UsEquitySessions Sessions = new(new UsEquityCalendar());

    private static DateTimeOffset Et(string date, string time) =>
        ExchangeTime.At(DateOnly.Parse(date), TimeOnly.Parse(time));

    [Theory]
    [InlineData("2026-11-24", "00:00:00", MarketSession.Closed)]
    [InlineData("2026-11-24", "03:59:59", MarketSession.Closed)]
    [InlineData("2026-11-24", "04:00:00", MarketSession.Pre)]
    [InlineData("2026-11-24", "09:29:59", MarketSession.Pre)]
    [InlineData("2026-11-24", "09:30:00", MarketSession.Rth)]
    [InlineData("2026-11-24", "15:59:59", MarketSession.Rth)]
    [InlineData("2026-11-24", "16:00:00", MarketSession.Post)]
    [InlineData("2026-11-24", "19:59:59", MarketSession.Post)]
    [InlineData("2026-11-24", "20:00:00", MarketSession.Closed)]
    [InlineData("2026-11-27", "12:59:59", MarketSession.Rth)]
    [InlineData("2026-11-27", "13:00:00", MarketSession.Post)]
    [InlineData("2026-11-27", "16:59:59", MarketSession.Post)]
    [InlineData("2026-11-27", "17:00:00", MarketSession.Closed)]
    [InlineData("2026-11-26", "10:00:00", MarketSession.Closed)]
    [InlineData("2026-11-28", "10:00:00", MarketSession.Closed)]
    [InlineData("2026-03-09", "04:00:00", MarketSession.Pre)]
    [InlineData("2026-03-09", "09:30:00", MarketSession.Rth)]
    [InlineData("2026-11-02", "03:59:59", MarketSession.Closed)]
    [InlineData("2026-11-02", "16:00:00", MarketSession.Post)]
    public void Session_boundaries_are_half_open_in_exchange_time(string date, string time, MarketSession expected) =>
        Assert.Equal(expected, Sessions.GetSession(Et(date, time)).Session);

    [Theory]
    [InlineData("2026-03-09T07:59:59Z", MarketSession.Closed)]
    [InlineData("2026-03-09T08:00:00Z", MarketSession.Pre)]
    [InlineData("2026-03-09T13:30:00Z", MarketSession.Rth)]
    [InlineData("2026-03-06T13:30:00Z", MarketSession.Pre)]
    [InlineData("2026-03-06T14:30:00Z", MarketSession.Rth)]
    [InlineData("2026-11-02T14:29:59Z", MarketSession.Pre)]
    [InlineData("2026-11-02T14:30:00Z", MarketSession.Rth)]
    [InlineData("2026-10-30T20:00:00Z", MarketSession.Post)]
    [InlineData("2026-10-30T23:59:59Z", MarketSession.Post)]
    [InlineData("2026-10-31T00:00:00Z", MarketSession.Closed)]
    [InlineData("2026-11-03T00:59:59Z", MarketSession.Post)]
    public void UTC_instants_around_the_DST_switches_fall_in_the_right_session(string utc, MarketSession expected) =>
        Assert.Equal(expected, Sessions.GetSession(DateTimeOffset.Parse(utc)).Session);

    [Fact]
    public void A_half_day_ends_its_regular_session_at_13_and_after_hours_at_17()
    {
        var info = Sessions.GetSession(Et("2026-12-24", "13:30"));
        Assert.Equal(MarketSession.Post, info.Session);
        Assert.True(info.IsHalfDay);
        Assert.Equal("Christmas Eve", info.Holiday);
        Assert.Equal(Et("2026-12-24", "13:00"), info.RthClose);
        Assert.Equal(Et("2026-12-24", "13:00"), info.SessionStart);
        Assert.Equal(Et("2026-12-24", "17:00"), info.SessionEnd);
        Assert.Equal(Et("2026-12-28", "09:30"), info.NextOpen);
        Assert.Equal(Et("2026-12-28", "16:00"), info.NextClose);
    }

    [Fact]
    public void On_a_holiday_the_session_date_is_the_last_trading_day_and_the_next_open_skips_the_weekend()
    {
        var info = Sessions.GetSession(Et("2026-07-03", "11:00"));
        Assert.Equal(MarketSession.Closed, info.Session);
        Assert.False(info.IsTradingDay);
        Assert.Equal("Independence Day (observed)", info.Holiday);
        Assert.Null(info.RthOpen);
        Assert.Equal(new DateOnly(2026, 7, 2), info.SessionDate);
        Assert.Equal(Et("2026-07-02", "20:00"), info.SessionStart);
        Assert.Equal(Et("2026-07-06", "04:00"), info.SessionEnd);
        Assert.Equal(Et("2026-07-06", "09:30"), info.NextOpen);
        Assert.Equal(Et("2026-07-06", "16:00"), info.NextClose);
    }

    [Fact]
    public void Overnight_before_the_pre_market_belongs_to_the_previous_trading_day()
    {
        var info = Sessions.GetSession(Et("2026-11-30", "03:00"));
        Assert.Equal(MarketSession.Closed, info.Session);
        Assert.True(info.IsTradingDay);
        Assert.Equal(new DateOnly(2026, 11, 27), info.SessionDate);
        Assert.Equal(Et("2026-11-27", "17:00"), info.SessionStart);
        Assert.Equal(Et("2026-11-30", "04:00"), info.SessionEnd);
        Assert.Equal(Et("2026-11-30", "09:30"), info.NextOpen);
    }

    [Fact]
    public void After_the_evening_close_the_session_date_is_today_and_the_next_open_is_tomorrow()
    {
        var info = Sessions.GetSession(Et("2026-11-24", "21:00"));
        Assert.Equal(new DateOnly(2026, 11, 24), info.SessionDate);
        Assert.Equal(Et("2026-11-25", "04:00"), info.SessionEnd);
        Assert.Equal(Et("2026-11-25", "09:30"), info.NextOpen);
        Assert.Equal(Et("2026-11-25", "16:00"), info.NextClose);
    }

    [Fact]
    public void During_regular_hours_the_next_close_is_today_and_the_next_open_is_the_next_trading_day()
    {
        var info = Sessions.GetSession(Et("2026-11-25", "10:00"));
        Assert.Equal(MarketSession.Rth, info.Session);
        Assert.Equal(Et("2026-11-25", "16:00"), info.NextClose);
        Assert.Equal(Et("2026-11-27", "09:30"), info.NextOpen);
        Assert.Equal(TimeSpan.FromHours(-5), info.Time.Offset);
    }

    [Fact]
    public void The_next_session_start_walks_through_pre_regular_after_and_the_next_morning()
    {
        var t = Et("2026-11-25", "21:00");
        var expected = new[] { Et("2026-11-27", "04:00"), Et("2026-11-27", "09:30"), Et("2026-11-27", "13:00"), Et("2026-11-30", "04:00") };
        foreach (var start in expected)
        {
            t = Sessions.NextSessionStart(t);
            Assert.Equal(start, t);
        }
    }

    [Theory]
    [InlineData(MarketSession.Pre, "2026-11-30T04:00:00")]
    [InlineData(MarketSession.Rth, "2026-11-27T09:30:00")]
    [InlineData(MarketSession.Post, "2026-11-27T13:00:00")]
    [InlineData(MarketSession.Closed, "2026-11-27T17:00:00")]
    public void The_next_start_of_a_given_session_skips_holidays(MarketSession session, string localStart)
    {
        var local = DateTime.Parse(localStart);
        var expected = ExchangeTime.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        Assert.Equal(expected, Sessions.NextStartOf(session, Et("2026-11-27", "04:00")));
    }

    [Fact]
    public void Now_reads_the_injected_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T14:30:00Z"));
        Assert.Equal(MarketSession.Rth, Sessions.Now(clock).Session);
        clock.Advance(TimeSpan.FromHours(6.5));
        Assert.Equal(MarketSession.Post, Sessions.Now(clock).Session);
    }

    [Fact]
    public void Sessions_serialize_as_upper_case_words_and_parse_back()
    {
        Assert.Equal("\"RTH\"", JsonSerializer.Serialize(MarketSession.Rth));
        Assert.Equal("[\"CLOSED\",\"PRE\",\"RTH\",\"POST\"]", JsonSerializer.Serialize(Enum.GetValues<MarketSession>()));
        Assert.Equal(MarketSession.Post, JsonSerializer.Deserialize<MarketSession>("\"post\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MarketSession>("\"LUNCH\""));
        var error = Assert.Throws<ArgumentException>(() => MarketSessionNames.Parse("lunch"));
        Assert.Contains("CLOSED, PRE, RTH or POST", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_outside_the_calendar_range_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Sessions.GetSession(DateTimeOffset.Parse("2101-06-01T12:00:00Z")));
        Assert.Contains("2000-01-01 to 2100-12-31", error.Message, StringComparison.Ordinal);
    }
}
