using Gv2Edge.Market;
using Xunit;

namespace Gv2Edge.Market.Tests;

public class SpecialDayFileTests
{
    [Fact]
    public void The_built_in_file_lists_the_one_off_closures()
    {
        var closed = SpecialDayFile.BuiltIn.Where(d => d.Kind == SpecialDayKind.Closed).Select(d => d.Date).ToHashSet();
        foreach (var date in new[] { "2025-01-09", "2018-12-05", "2012-10-29", "2012-10-30", "2007-01-02", "2004-06-11", "2001-09-11" })
        {
            Assert.Contains(DateOnly.Parse(date), closed);
        }
    }

    [Fact]
    public void User_days_extend_and_override_the_calendar()
    {
        var text = "# my closures\n\n2031-03-14,closed,Exchange outage, full day\r\n2031-03-17,EARLY,Storm\n2026-11-27,closed,Test override\n";
        var days = SpecialDayFile.Parse(text, "mine.csv");
        Assert.Equal(3, days.Count);
        Assert.Equal("Exchange outage, full day", days[0].Name);

        var calendar = new UsEquityCalendar(days);
        Assert.False(calendar.IsTradingDay(new DateOnly(2031, 3, 14)));
        Assert.Equal("Exchange outage, full day", calendar.GetDay(new DateOnly(2031, 3, 14)).HolidayName);
        Assert.True(calendar.IsHalfDay(new DateOnly(2031, 3, 17)));
        Assert.False(calendar.IsTradingDay(new DateOnly(2026, 11, 27)));
        Assert.Equal(new DateOnly(2031, 3, 13), calendar.PreviousTradingDay(new DateOnly(2031, 3, 17)));
    }

    [Fact]
    public void A_user_file_is_loaded_from_disk()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "2030-05-06,closed,Local test closure\n");
            var calendar = UsEquityCalendar.Load(path);
            Assert.False(calendar.IsTradingDay(new DateOnly(2030, 5, 6)));
            Assert.False(calendar.IsTradingDay(new DateOnly(2025, 1, 9)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("2031-13-01,closed,Bad month", "line 1", "is not a date")]
    [InlineData("\n2031-03-01,shut,Bad kind", "line 2", "closed or early")]
    [InlineData("2031-03-01,closed", "line 1", "expected")]
    [InlineData("2031-03-01,closed,   ", "line 1", "expected")]
    public void A_malformed_line_is_reported_with_file_and_line(string text, string line, string problem)
    {
        var error = Assert.Throws<FormatException>(() => SpecialDayFile.Parse(text, "mine.csv"));
        Assert.Contains("mine.csv, " + line, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
