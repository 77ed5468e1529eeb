using Gv2Edge.Market;
using Gv2Edge.Radar.Quotes;
using Xunit;

namespace Gv2Edge.Radar.Tests.Quotes;

public class GapMathTests
{
    [Fact]
    public void A_premarket_gap_is_measured_against_the_previous_close()
    {
        Assert.Equal(10.0, GapMath.Gap(MarketSession.Pre, last: 11.0, prevClose: 10.0, rthClose: 10.5)!.Value, 9);
    }

    [Fact]
    public void An_after_hours_gap_is_measured_against_todays_regular_close_not_the_previous_one()
    {
        double gap = GapMath.Gap(MarketSession.Post, last: 11.0, prevClose: 10.0, rthClose: 10.0 * 1.05)!.Value;
        Assert.Equal((11.0 / 10.5 - 1) * 100, gap, 9);
        Assert.Equal(GapReference.RthClose, GapMath.ReferenceFor(MarketSession.Post));
        Assert.Equal("rthClose", GapReference.RthClose.ToName());
    }

    [Fact]
    public void Unknown_inputs_give_null_never_zero_or_nan()
    {
        Assert.Null(GapMath.Gap(MarketSession.Rth, double.NaN, 10, 10));
        Assert.Null(GapMath.Gap(MarketSession.Rth, 10, double.NaN, 10));
        Assert.Null(GapMath.Gap(MarketSession.Post, 10, 10, double.NaN));
        Assert.Null(GapMath.PercentChange(-1, 10));
        Assert.Null(GapMath.SpreadPct(-1, 10.02));
        Assert.Null(GapMath.Spread(10.05, 10.00));
    }

    [Fact]
    public void Spread_percent_is_of_the_mid()
    {
        Assert.Equal(0.02, GapMath.Spread(10.00, 10.02)!.Value, 9);
        Assert.Equal(0.02 / 10.01 * 100, GapMath.SpreadPct(10.00, 10.02)!.Value, 9);
    }
}
