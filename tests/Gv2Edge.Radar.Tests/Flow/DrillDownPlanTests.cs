using Gv2Edge.Market;
using Gv2Edge.Radar.Flow;
using Gv2Edge.Tws.Protocol.Messages;
using Xunit;

namespace Gv2Edge.Radar.Tests.Flow;

public sealed class DrillDownPlanTests
{
    private static readonly DateTimeOffset Tuesday1000 = ExchangeTime.At(new DateOnly(2026, 11, 24), new TimeOnly(10, 0));

    private static SecurityDefinitionOptionParameter Row(string exchange, string tradingClass, IReadOnlyList<string> expirations, IReadOnlyList<double> strikes)
        => new(1, exchange, 265598, tradingClass, "100", expirations, strikes);

    [Fact]
    public void The_SMART_row_of_the_symbols_own_trading_class_is_preferred()
    {
        SecurityDefinitionOptionParameter cboe = Row("CBOE", "AAPL", ["20261127"], [230]);
        SecurityDefinitionOptionParameter mini = Row("SMART", "AAPL7", ["20261127"], [230]);
        SecurityDefinitionOptionParameter own = Row("SMART", "AAPL", ["20261127"], [230]);

        Assert.Same(own, DrillDownPlan.ChainRow("AAPL", [cboe, mini, own]));
        Assert.Same(mini, DrillDownPlan.ChainRow("AAPL", [cboe, mini]));
        Assert.Same(cboe, DrillDownPlan.ChainRow("AAPL", [cboe]));
        Assert.Null(DrillDownPlan.ChainRow("AAPL", []));
        Assert.Null(DrillDownPlan.ChainRow("AAPL", [Row("SMART", "AAPL", [], [230])]));
    }

    [Fact]
    public void Nearest_live_expirations_and_the_strikes_nearest_spot_inside_the_band_become_calls_and_puts()
    {
        // Unsorted as IB may send them; 20261120 has expired; 60 and 200 lie outside ±15% of 100.
        SecurityDefinitionOptionParameter row = Row("SMART", "XYZ", ["20261218", "20261120", "20261124", "20261127"],
            [200, 60, 90, 95, 97.5, 100, 102.5, 105, 110, 115]);

        IReadOnlyList<Contract> plan = DrillDownPlan.Contracts("XYZ", row, 100, Tuesday1000,
            new OptionsFlowServiceOptions { Expirations = 2, MaxStrikesPerExpiry = 4 });

        Assert.Equal(16, plan.Count);
        Assert.Equal(["20261124", "20261127"], plan.Select(c => c.LastTradeDateOrContractMonth).Distinct());
        Assert.Equal([95, 97.5, 100, 102.5], plan.Select(c => c.Strike!.Value).Distinct());
        Assert.All(plan, c => Assert.Equal(("OPT", "SMART", "USD", "100", "XYZ"), (c.SecType, c.Exchange, c.Currency, c.Multiplier, c.TradingClass)));
        Assert.Equal(8, plan.Count(c => c.Right == "C"));
    }

    [Fact]
    public void An_option_expiring_today_drops_out_at_the_16_00_close()
    {
        SecurityDefinitionOptionParameter row = Row("SMART", "XYZ", ["20261124", "20261127"], [100]);
        DateTimeOffset after = ExchangeTime.At(new DateOnly(2026, 11, 24), new TimeOnly(16, 0, 1));

        IReadOnlyList<Contract> plan = DrillDownPlan.Contracts("XYZ", row, 100, after, new OptionsFlowServiceOptions { Expirations = 1 });

        Assert.All(plan, c => Assert.Equal("20261127", c.LastTradeDateOrContractMonth));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void Without_a_spot_price_there_is_nothing_to_drill(double spot)
        => Assert.Empty(DrillDownPlan.Contracts("XYZ", Row("SMART", "XYZ", ["20261127"], [100]), spot, Tuesday1000, new OptionsFlowServiceOptions()));

    [Theory]
    [InlineData("20261127", 2026, 11, 27)]
    [InlineData("20261127 16:00 US/Eastern", 2026, 11, 27)]
    public void Expiries_are_read_from_their_date_part(string text, int y, int m, int d)
        => Assert.Equal(new DateOnly(y, m, d), DrillDownPlan.ParseExpiry(text));

    [Theory]
    [InlineData("")]
    [InlineData("202611")]
    [InlineData("2026-11-27")]
    public void A_malformed_expiry_is_null(string text) => Assert.Null(DrillDownPlan.ParseExpiry(text));
}
