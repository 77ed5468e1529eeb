using Gv2Edge.Market;
using Gv2Edge.Radar.Flow;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;
using Xunit;

namespace Gv2Edge.Radar.Tests.Flow;

public sealed class ContractRowBuilderTests
{
    private static readonly DateTimeOffset Now = ExchangeTime.At(new DateOnly(2026, 11, 24), new TimeOnly(10, 0));
    private static readonly DateOnly Expiry = new(2026, 12, 18);

    private static Contract Option(string right) => new()
    {
        Symbol = "XYZ",
        SecType = "OPT",
        LastTradeDateOrContractMonth = "20261218",
        Strike = 100,
        Right = right,
        Exchange = "SMART",
    };

    private static TickerSnapshot Quote(double bid, double ask, decimal? volume = 500, decimal? callOi = 300, decimal? putOi = 400) => new()
    {
        Bid = bid,
        Ask = ask,
        Last = double.NaN,
        Volume = volume,
        OptionCallOpenInterest = callOi,
        OptionPutOpenInterest = putOi,
        PreviousClose = double.NaN,
        High = double.NaN,
        Low = double.NaN,
        Open = double.NaN,
        Vwap = double.NaN,
    };

    [Fact]
    public void IBs_model_greeks_are_taken_as_sent()
    {
        TickerSnapshot t = Quote(4.9, 5.1) with { ModelGreeks = new OptionComputation(0.31, 0.55, 5.0, 0, 0.04, 0.12, -0.05, 101) };

        OptionContractRow row = ContractRowBuilder.Build(Option("C"), t, 101, Now, 0.045, 0);

        Assert.Equal(("ib", 0.31, 0.55, 0.04, 0.12, -0.05), (row.GreeksSource, row.ImpliedVol, row.Delta, row.Gamma, row.Vega, row.Theta));
        Assert.Equal((500.0, 300.0), (row.Volume, row.OpenInterest));
    }

    [Fact]
    public void Without_IB_greeks_the_implied_volatility_reprices_the_mid_and_greeks_use_IBs_units()
    {
        double years = OptionExpiry.YearsUntil(Expiry, Now);
        double price = BlackScholes.Price(OptionRight.Put, 98, 100, years, 0.045, 0.35, 0.01);

        OptionContractRow row = ContractRowBuilder.Build(Option("P"), Quote(price - 0.05, price + 0.05), 98, Now, 0.045, 0.01);

        Assert.Equal("model", row.GreeksSource);
        Assert.Equal(0.35, row.ImpliedVol!.Value, 9);
        OptionGreeks g = BlackScholes.Greeks(OptionRight.Put, 98, 100, years, 0.045, 0.35, 0.01);
        Assert.Equal(g.Delta, row.Delta!.Value, 9);
        Assert.Equal(g.Gamma, row.Gamma!.Value, 9);
        Assert.Equal(g.Theta / 365, row.Theta!.Value, 9);
        Assert.Equal(g.Vega / 100, row.Vega!.Value, 9);
        Assert.Equal(400, row.OpenInterest);
    }

    [Fact]
    public void A_one_sided_quote_falls_back_to_the_last_trade()
    {
        TickerSnapshot t = Quote(-1, 5.2) with { Last = 5.0 };

        Assert.Equal(5.0, ContractRowBuilder.Price(t));
        Assert.Equal(5.1, ContractRowBuilder.Price(Quote(5.0, 5.2))!.Value, 12);
    }

    [Fact]
    public void A_price_below_intrinsic_value_gives_no_greeks_rather_than_NaN()
    {
        // A call struck at 100 with the stock at 120 cannot be worth 1.
        OptionContractRow row = ContractRowBuilder.Build(Option("C"), Quote(0.95, 1.05), 120, Now, 0.045, 0);

        Assert.Null(row.GreeksSource);
        Assert.Null(row.ImpliedVol);
        Assert.Null(row.Delta);
        Assert.Equal(500, row.Volume);
    }

    [Fact]
    public void Nothing_but_a_volume_leaves_every_other_figure_unknown()
    {
        OptionContractRow row = ContractRowBuilder.Build(Option("C"), Quote(double.NaN, double.NaN, 10, null, null), 100, Now, 0.045, 0);

        Assert.Equal(10, row.Volume);
        Assert.Null(row.OpenInterest);
        Assert.Null(row.GreeksSource);
    }
}
