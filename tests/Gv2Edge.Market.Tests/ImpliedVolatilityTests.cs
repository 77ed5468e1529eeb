using Gv2Edge.Market;
using Xunit;

namespace Gv2Edge.Market.Tests;

public class ImpliedVolatilityTests
{
    public static TheoryData<OptionRight, double, double, double, double, double> Grid()
    {
        var data = new TheoryData<OptionRight, double, double, double, double, double>();
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        {
            foreach (var k in new[] { 60.0, 90.0, 100.0, 110.0, 150.0 })
            {
                foreach (var t in new[] { 1.0 / 365, 0.05, 0.5, 3.0 })
                {
                    foreach (var sigma in new[] { 0.05, 0.2, 0.6, 2.5 })
                    {
                        data.Add(right, k, t, sigma, 0.045, 0.015);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Implied_volatility_recovers_the_volatility_that_priced_the_option(
        OptionRight right, double k, double t, double sigma, double r, double q)
    {
        const double s = 100;
        var price = BlackScholes.Price(right, s, k, t, r, sigma, q);
        var vega = BlackScholes.Greeks(right, s, k, t, r, sigma, q).Vega;

        // Where the price barely moves with volatility (time value under a millionth of the spot, or a price
        // that changes by less than 1e-12 for a 1e-9 change of sigma) no solver can resolve sigma to 1e-9 in
        // double precision; those cases must still give an answer that reprices the option.
        var intrinsic = Math.Max(right == OptionRight.Call ? (s * Math.Exp(-q * t)) - (k * Math.Exp(-r * t)) : (k * Math.Exp(-r * t)) - (s * Math.Exp(-q * t)), 0);
        var resolvable = price - intrinsic > 1e-6 * s && vega * 1e-9 > 1e-12 * price;
        var iv = BlackScholes.ImpliedVolatility(right, price, s, k, t, r, q);
        if (resolvable)
        {
            Assert.NotNull(iv);
            Assert.InRange(iv.Value - sigma, -1e-9, 1e-9);
        }
        else if (iv is { } solved)
        {
            var repriced = BlackScholes.Price(right, s, k, t, r, solved, q);
            Assert.InRange(repriced - price, -1e-9 * s, 1e-9 * s);
        }
    }

    [Theory]
    [InlineData(OptionRight.Call, 9.99)]    // below intrinsic 10 (no rates)
    [InlineData(OptionRight.Call, 10.0)]    // exactly intrinsic: only sigma = 0
    [InlineData(OptionRight.Call, 110.0)]   // the spot itself: only sigma = infinity
    [InlineData(OptionRight.Call, 120.0)]   // above the spot
    [InlineData(OptionRight.Put, 0.0)]
    [InlineData(OptionRight.Put, -1.0)]
    [InlineData(OptionRight.Put, 100.0)]    // the strike itself
    [InlineData(OptionRight.Call, double.NaN)]
    [InlineData(OptionRight.Call, double.PositiveInfinity)]
    public void A_price_no_volatility_can_produce_gives_null(OptionRight right, double price) =>
        Assert.Null(BlackScholes.ImpliedVolatility(right, price, 110, 100, 0.5, 0, 0));

    [Theory]
    [InlineData(0.0, 110.0, 100.0)]
    [InlineData(0.5, 0.0, 100.0)]
    [InlineData(0.5, 110.0, -5.0)]
    [InlineData(-0.1, 110.0, 100.0)]
    [InlineData(double.NaN, 110.0, 100.0)]
    public void Invalid_market_inputs_give_null(double years, double spot, double strike) =>
        Assert.Null(BlackScholes.ImpliedVolatility(OptionRight.Call, 12, spot, strike, years, 0.05));
}
