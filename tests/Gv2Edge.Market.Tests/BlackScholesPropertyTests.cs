using Gv2Edge.Market;
using Xunit;

namespace Gv2Edge.Market.Tests;

/// <summary>Black–Scholes against itself: put–call parity and finite differences of its own prices, to 1e-9.</summary>
public class BlackScholesPropertyTests
{
    public static TheoryData<double, double, double, double, double, double> Cases()
    {
        var data = new TheoryData<double, double, double, double, double, double>();
        foreach (var k in new[] { 70.0, 100.0, 140.0 })
        {
            foreach (var t in new[] { 0.1, 0.5, 2.0 })
            {
                foreach (var sigma in new[] { 0.1, 0.35, 1.2 })
                {
                    foreach (var (r, q) in new[] { (0.0, 0.0), (0.05, 0.02), (-0.01, 0.04) })
                    {
                        data.Add(100.0, k, t, r, sigma, q);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Put_call_parity_holds(double s, double k, double t, double r, double sigma, double q)
    {
        var call = BlackScholes.Price(OptionRight.Call, s, k, t, r, sigma, q);
        var put = BlackScholes.Price(OptionRight.Put, s, k, t, r, sigma, q);
        Assert.InRange(call - put - ((s * Math.Exp(-q * t)) - (k * Math.Exp(-r * t))), -1e-9, 1e-9);

        var c = BlackScholes.Greeks(OptionRight.Call, s, k, t, r, sigma, q);
        var p = BlackScholes.Greeks(OptionRight.Put, s, k, t, r, sigma, q);
        Assert.InRange(c.Delta - p.Delta - Math.Exp(-q * t), -1e-12, 1e-12);
        Assert.InRange(c.Gamma - p.Gamma, -1e-12, 1e-12);
        Assert.InRange(c.Vega - p.Vega, -1e-9, 1e-9);
        Assert.InRange(c.Rho - p.Rho - (k * t * Math.Exp(-r * t)), -1e-9, 1e-9);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Greeks_match_finite_differences_of_the_price(double s, double k, double t, double r, double sigma, double q)
    {
        // Steps scaled to each variable's own scale: small enough for the O(h^4) truncation, large enough
        // that rounding in the prices stays near 1e-10 (checked over this grid).
        var spotScale = s * sigma * Math.Sqrt(t);
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        {
            var g = BlackScholes.Greeks(right, s, k, t, r, sigma, q);
            Near(g.Price, BlackScholes.Price(right, s, k, t, r, sigma, q), "price");
            Near(g.Delta, Slope(x => BlackScholes.Price(right, x, k, t, r, sigma, q), s, 1e-3 * spotScale), "delta");
            Near(g.Gamma, Curvature(x => BlackScholes.Price(right, x, k, t, r, sigma, q), s, 3e-3 * spotScale), "gamma");
            Near(g.Vega, Slope(x => BlackScholes.Price(right, s, k, t, r, x, q), sigma, 1e-3 * sigma), "vega");
            Near(g.Rho, Slope(x => BlackScholes.Price(right, s, k, t, x, sigma, q), r, 1e-4 * Math.Min(1, 1 / t)), "rho");
            Near(g.Theta, -Slope(x => BlackScholes.Price(right, s, k, x, r, sigma, q), t, 1e-3 * t), "theta");
        }
    }

    // Five-point stencils: truncation error O(h^4), so a moderate step keeps rounding noise far below 1e-9.
    private static double Slope(Func<double, double> f, double x, double h) =>
        (-f(x + (2 * h)) + (8 * f(x + h)) - (8 * f(x - h)) + f(x - (2 * h))) / (12 * h);

    private static double Curvature(Func<double, double> f, double x, double h) =>
        (-f(x + (2 * h)) + (16 * f(x + h)) - (30 * f(x)) + (16 * f(x - h)) - f(x - (2 * h))) / (12 * h * h);

    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1.0, Math.Abs(expected)), $"{what}: {expected:R} vs {actual:R}");
}
