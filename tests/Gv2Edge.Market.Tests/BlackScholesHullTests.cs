using Gv2Edge.Market;
using Xunit;

namespace Gv2Edge.Market.Tests;

/// <summary>
/// Worked examples from J. Hull, "Options, Futures, and Other Derivatives" (BSM pricing, options on an index
/// paying a dividend yield, the Greek letters chapter, implied volatility), to the digits Hull prints.
/// </summary>
public class BlackScholesHullTests
{
    private static void AssertPrinted(double printed, double actual, int digits) =>
        Assert.Equal(printed, Math.Round(actual, digits, MidpointRounding.AwayFromZero));

    [Fact]
    public void Hull_call_and_put_on_a_non_dividend_stock()
    {
        // S0 = 42, K = 40, r = 10%, sigma = 20%, T = 0.5: c = 4.76, p = 0.81.
        AssertPrinted(4.76, BlackScholes.Price(OptionRight.Call, 42, 40, 0.5, 0.10, 0.20), 2);
        AssertPrinted(0.81, BlackScholes.Price(OptionRight.Put, 42, 40, 0.5, 0.10, 0.20), 2);
    }

    [Fact]
    public void Hull_call_on_an_index_with_a_dividend_yield()
    {
        // S0 = 930, K = 900, r = 8%, q = 3%, sigma = 20%, T = 2 months: c = 51.83.
        AssertPrinted(51.83, BlackScholes.Price(OptionRight.Call, 930, 900, 2.0 / 12, 0.08, 0.20, 0.03), 2);
    }

    [Fact]
    public void Hull_greek_letters_example()
    {
        // S0 = 49, K = 50, r = 5%, sigma = 20%, T = 20 weeks: price 2.40, delta 0.522, gamma 0.066,
        // theta -4.31 a year (-0.0118 a calendar day), vega 12.1 (0.121 a point), rho 8.91 (0.0891 a point).
        var g = BlackScholes.Greeks(OptionRight.Call, 49, 50, 20.0 / 52, 0.05, 0.20);
        AssertPrinted(2.40, g.Price, 2);
        AssertPrinted(0.522, g.Delta, 3);
        AssertPrinted(0.066, g.Gamma, 3);
        AssertPrinted(-4.31, g.Theta, 2);
        AssertPrinted(-0.0118, g.ThetaPerDay, 4);
        AssertPrinted(12.1, g.Vega, 1);
        AssertPrinted(0.121, g.VegaPerPoint, 3);
        AssertPrinted(8.91, g.Rho, 2);
        AssertPrinted(0.0891, g.RhoPerPoint, 4);
    }

    [Fact]
    public void Hull_implied_volatility_example()
    {
        // c = 1.875 with S0 = 21, K = 20, r = 10%, T = 0.25 gives sigma = 23.5%.
        var sigma = BlackScholes.ImpliedVolatility(OptionRight.Call, 1.875, 21, 20, 0.25, 0.10);
        Assert.NotNull(sigma);
        AssertPrinted(0.235, sigma.Value, 3);
    }
}
