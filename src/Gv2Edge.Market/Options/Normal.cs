namespace Gv2Edge.Market;

/// <summary>
/// The standard normal distribution in double precision. The BCL has no erf/erfc, so the cumulative function
/// uses Hart's rational approximation (algorithm 5666, as arranged by G. West, "Better approximations to
/// cumulative normal functions", 2005) with a continued fraction in the tail. Absolute error about 2e-16
/// (checked against erfc over ±38); relative error of the tail 1e-13 up to |x| = 4, growing to 1e-8 near
/// |x| = 8, far below anything a quote can show. N(x) and N(-x) come from the same tail value, so
/// N(x) + N(-x) = 1 exactly and put–call parity holds to rounding.
/// </summary>
internal static class Normal
{
    private const double InvSqrt2Pi = 0.398942280401432677939946;

    /// <summary>Density φ(x).</summary>
    public static double Pdf(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>Cumulative distribution Φ(x).</summary>
    public static double Cdf(double x)
    {
        var tail = UpperTail(Math.Abs(x));
        return x > 0 ? 1.0 - tail : tail;
    }

    /// <summary>1 − Φ(a) for a ≥ 0, computed directly so it keeps its relative precision far out.</summary>
    private static double UpperTail(double a)
    {
        if (a > 37.0)
        {
            return 0.0;
        }

        var e = Math.Exp(-0.5 * a * a);
        if (a < 7.07106781186547)
        {
            var num = (0.0352624965998911 * a) + 0.700383064443688;
            num = (num * a) + 6.37396220353165;
            num = (num * a) + 33.912866078383;
            num = (num * a) + 112.079291497871;
            num = (num * a) + 221.213596169931;
            num = (num * a) + 220.206867912376;
            var den = (0.0883883476483184 * a) + 1.75566716318264;
            den = (den * a) + 16.064177579207;
            den = (den * a) + 86.7807322029461;
            den = (den * a) + 296.564248779674;
            den = (den * a) + 637.333633378831;
            den = (den * a) + 793.826512519948;
            den = (den * a) + 440.413735824752;
            return e * num / den;
        }

        var cf = a + 0.65;
        cf = a + (4.0 / cf);
        cf = a + (3.0 / cf);
        cf = a + (2.0 / cf);
        cf = a + (1.0 / cf);
        return e / cf / 2.506628274631;
    }
}
