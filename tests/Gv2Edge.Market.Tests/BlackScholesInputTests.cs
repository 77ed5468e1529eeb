using Gv2Edge.Market;
using Xunit;

namespace Gv2Edge.Market.Tests;

public class BlackScholesInputTests
{
    [Theory]
    [InlineData(0.0, 100.0, 0.5, 0.05, 0.2, 0.0, "spot")]
    [InlineData(-1.0, 100.0, 0.5, 0.05, 0.2, 0.0, "spot")]
    [InlineData(double.NaN, 100.0, 0.5, 0.05, 0.2, 0.0, "spot")]
    [InlineData(100.0, 0.0, 0.5, 0.05, 0.2, 0.0, "strike")]
    [InlineData(100.0, double.PositiveInfinity, 0.5, 0.05, 0.2, 0.0, "strike")]
    [InlineData(100.0, 100.0, -0.5, 0.05, 0.2, 0.0, "time to expiry")]
    [InlineData(100.0, 100.0, 0.5, double.NaN, 0.2, 0.0, "rate")]
    [InlineData(100.0, 100.0, 0.5, 0.05, -0.2, 0.0, "volatility")]
    [InlineData(100.0, 100.0, 0.5, 0.05, double.NaN, 0.0, "volatility")]
    [InlineData(100.0, 100.0, 0.5, 0.05, 0.2, double.NegativeInfinity, "dividend yield")]
    public void Invalid_inputs_throw_a_message_naming_the_input(double s, double k, double t, double r, double sigma, double q, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => BlackScholes.Price(OptionRight.Call, s, k, t, r, sigma, q));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BlackScholes.Greeks(OptionRight.Put, s, k, t, r, sigma, q));
        Assert.Null(BlackScholes.TryGreeks(OptionRight.Call, s, k, t, r, sigma, q));
    }

    [Fact]
    public void At_expiry_an_option_is_worth_its_intrinsic_value_with_a_step_delta()
    {
        var itm = BlackScholes.Greeks(OptionRight.Call, 105, 100, 0, 0.05, 0.3);
        // Theta is the carry of the deep in-the-money limit: q*S - r*K = -5 a year.
        Assert.Equal(new OptionGreeks(5, 1, 0, -5, 0, 0), itm);
        var otm = BlackScholes.Greeks(OptionRight.Put, 105, 100, 0, 0.05, 0.3);
        Assert.Equal(new OptionGreeks(0, 0, 0, 0, 0, 0), otm);
        Assert.Equal(-0.5, BlackScholes.Greeks(OptionRight.Put, 100, 100, 0, 0.05, 0.3).Delta);
    }

    [Fact]
    public void With_zero_volatility_the_value_is_the_discounted_forward_intrinsic_and_its_theta_is_the_carry()
    {
        const double s = 100, k = 90, t = 0.5, r = 0.05, q = 0.02;
        var g = BlackScholes.Greeks(OptionRight.Call, s, k, t, r, 0, q);
        var value = (s * Math.Exp(-q * t)) - (k * Math.Exp(-r * t));
        Assert.Equal(value, g.Price, 12);
        Assert.Equal(Math.Exp(-q * t), g.Delta, 12);
        Assert.Equal((q * s * Math.Exp(-q * t)) - (r * k * Math.Exp(-r * t)), g.Theta, 12);
        Assert.Equal(k * t * Math.Exp(-r * t), g.Rho, 12);
        // The limit agrees with a tiny positive volatility.
        var near = BlackScholes.Greeks(OptionRight.Call, s, k, t, r, 1e-6, q);
        Assert.Equal(near.Price, g.Price, 9);
        Assert.Equal(near.Delta, g.Delta, 9);
        Assert.Equal(near.Theta, g.Theta, 9);
    }

    [Fact]
    public void Extreme_but_valid_inputs_never_produce_NaN_or_infinity()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 20000; i++)
        {
            var s = Math.Exp((random.NextDouble() * 40) - 20);
            var k = Math.Exp((random.NextDouble() * 40) - 20);
            var t = random.NextDouble() < 0.05 ? 0 : Math.Exp((random.NextDouble() * 20) - 15);
            var sigma = random.NextDouble() < 0.05 ? 0 : Math.Exp((random.NextDouble() * 16) - 12);
            var r = (random.NextDouble() * 0.4) - 0.1;
            var q = (random.NextDouble() * 0.3) - 0.1;
            var right = random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put;
            var g = BlackScholes.TryGreeks(right, s, k, t, r, sigma, q);
            if (g is not null)
            {
                Assert.True(double.IsFinite(g.Price) && double.IsFinite(g.Delta) && double.IsFinite(g.Gamma)
                    && double.IsFinite(g.Theta) && double.IsFinite(g.Vega) && double.IsFinite(g.Rho), $"non-finite greeks for {s},{k},{t},{r},{sigma},{q}");
                Assert.True(g.Price >= 0, $"negative price for {s},{k},{t},{r},{sigma},{q}");
                var iv = BlackScholes.ImpliedVolatility(right, g.Price, s, k, t, r, q);
                Assert.True(iv is null || (double.IsFinite(iv.Value) && iv.Value > 0), $"bad implied vol {iv} for {s},{k},{t},{r},{sigma},{q}");
            }
        }
    }
}
