using Gv2Edge.Market;
using Xunit;

namespace Gv2Edge.Market.Tests;

public class NormalTests
{
    // Reference values: 0.5 * erfc(-x / sqrt(2)) from CPython's math.erfc (correctly rounded to ~1 ulp).
    [Theory]
    [InlineData(-20, 2.7536241186063314e-89, 1e-8)]
    [InlineData(-8, 6.220960574271819e-16, 1e-8)]
    [InlineData(-7.5, 3.19089167291092e-14, 1e-8)]
    [InlineData(-5, 2.866515718791946e-07, 1e-10)]
    [InlineData(-3, 0.0013498980316300957, 1e-13)]
    [InlineData(-1.96, 0.024997895148220435, 1e-13)]
    [InlineData(-1, 0.15865525393145707, 1e-13)]
    [InlineData(-0.5, 0.3085375387259869, 1e-13)]
    [InlineData(0, 0.5, 1e-15)]
    [InlineData(0.3, 0.6179114221889526, 1e-13)]
    [InlineData(1, 0.8413447460685429, 1e-13)]
    [InlineData(2.5, 0.9937903346742238, 1e-13)]
    [InlineData(6, 0.9999999990134123, 1e-13)]
    public void The_normal_cdf_matches_erfc_reference_values(double x, double expected, double relative)
    {
        var actual = Normal.Cdf(x);
        Assert.True(Math.Abs(actual - expected) <= relative * expected, $"N({x}) = {actual:R}, expected {expected:R}");
    }

    [Fact]
    public void The_cdf_is_symmetric_to_the_last_bit_and_monotone()
    {
        var previous = 0.0;
        for (var x = -40.0; x <= 40.0; x += 0.01)
        {
            var value = Normal.Cdf(x);
            Assert.Equal(1.0, value + Normal.Cdf(-x));
            Assert.True(value >= previous, $"N decreased at {x}");
            previous = value;
        }
    }

    [Fact]
    public void The_cdf_slope_is_the_density()
    {
        for (var x = -6.0; x <= 6.0; x += 0.25)
        {
            const double h = 1e-3;
            var slope = (-Normal.Cdf(x + (2 * h)) + (8 * Normal.Cdf(x + h)) - (8 * Normal.Cdf(x - h)) + Normal.Cdf(x - (2 * h))) / (12 * h);
            Assert.True(Math.Abs(slope - Normal.Pdf(x)) < 1e-11, $"slope at {x}: {slope:R} vs {Normal.Pdf(x):R}");
        }
    }
}
