using Gv2Edge.Market;
using Xunit;

namespace Gv2Edge.Market.Tests;

public class ExchangeTimeTests
{
    [Theory]
    [InlineData("2026-03-06", "09:30", "2026-03-06T14:30:00Z")]
    [InlineData("2026-03-09", "09:30", "2026-03-09T13:30:00Z")]
    [InlineData("2026-10-30", "16:00", "2026-10-30T20:00:00Z")]
    [InlineData("2026-11-02", "16:00", "2026-11-02T21:00:00Z")]
    [InlineData("2006-04-03", "09:30", "2006-04-03T13:30:00Z")]
    [InlineData("2006-03-13", "09:30", "2006-03-13T14:30:00Z")]
    public void Exchange_wall_clock_converts_to_UTC_with_the_offset_of_that_date(string date, string time, string utc)
    {
        var instant = ExchangeTime.ToUtc(DateOnly.Parse(date), TimeOnly.Parse(time));
        Assert.Equal(DateTimeOffset.Parse(utc), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void A_UTC_instant_converts_to_exchange_time_and_date()
    {
        var utc = DateTimeOffset.Parse("2026-11-25T03:30:00Z");
        var et = ExchangeTime.ToExchange(utc);
        Assert.Equal(TimeSpan.FromHours(-5), et.Offset);
        Assert.Equal(new DateTime(2026, 11, 24, 22, 30, 0), et.DateTime);
        Assert.Equal(new DateOnly(2026, 11, 24), ExchangeTime.DateOf(utc));
    }

    [Fact]
    public void A_wall_time_skipped_by_spring_forward_moves_forward_by_the_gap()
    {
        var t = ExchangeTime.At(new DateOnly(2026, 3, 8), new TimeOnly(2, 30));
        Assert.Equal(DateTimeOffset.Parse("2026-03-08T03:30:00-04:00"), t);
        Assert.Equal(TimeSpan.FromHours(-4), t.Offset);
    }

    [Fact]
    public void A_wall_time_repeated_by_fall_back_takes_its_first_occurrence()
    {
        var t = ExchangeTime.At(new DateOnly(2026, 11, 1), new TimeOnly(1, 30));
        Assert.Equal(TimeSpan.FromHours(-4), t.Offset);
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T05:30:00Z"), t.ToUniversalTime());
    }

    [Fact]
    public void The_built_in_zone_agrees_with_the_system_database_from_2000_to_2100()
    {
        var builtIn = ExchangeTime.BuiltInEastern();
        for (var t = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc); t.Year <= 2100; t = t.AddHours(5))
        {
            Assert.Equal(ExchangeTime.Zone.GetUtcOffset(t), builtIn.GetUtcOffset(t));
        }
    }
}
