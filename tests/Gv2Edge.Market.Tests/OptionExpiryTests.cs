using Gv2Edge.Market;
using Xunit;

namespace Gv2Edge.Market.Tests;

public class OptionExpiryTests
{
    [Fact]
    public void Options_expire_at_the_16_00_ET_close_of_their_expiry_date()
    {
        Assert.Equal(DateTimeOffset.Parse("2026-12-18T21:00:00Z"), OptionExpiry.ExpiryTime(new DateOnly(2026, 12, 18)));
        Assert.Equal(DateTimeOffset.Parse("2026-06-19T20:00:00Z"), OptionExpiry.ExpiryTime(new DateOnly(2026, 6, 19)));
    }

    [Fact]
    public void Years_until_expiry_count_real_elapsed_time_across_a_DST_change()
    {
        // From Friday 16:00 EDT before the November switch to the next Friday 16:00 EST: 7 days and one hour.
        var now = DateTimeOffset.Parse("2026-10-30T16:00:00-04:00");
        var years = OptionExpiry.YearsUntil(new DateOnly(2026, 11, 6), now);
        Assert.Equal((7 + (1.0 / 24)) / 365, years, 12);
    }

    [Fact]
    public void An_expired_option_has_zero_years_left()
    {
        var now = DateTimeOffset.Parse("2026-11-20T21:00:01Z");
        Assert.Equal(0, OptionExpiry.YearsUntil(new DateOnly(2026, 11, 20), now));
        Assert.Equal(0, OptionExpiry.YearsUntil(new DateOnly(2026, 11, 13), now));
    }
}
