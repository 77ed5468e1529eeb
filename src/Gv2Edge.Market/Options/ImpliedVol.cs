namespace Gv2Edge.Market;

/// <summary>Implied volatility: safeguarded Newton inside a bracket that only ever shrinks.</summary>
internal static class ImpliedVol
{
    /// <summary>Highest volatility searched (10 000% a year); a price needing more has no useful answer.</summary>
    private const double MaxVolatility = 100.0;

    private const int MaxIterations = 200;

    public static double? Solve(OptionRight right, double price, double s, double k, double t, double r, double q)
    {
        if (BlackScholes.Problem(s, k, t, r, q) is not null || !double.IsFinite(price) || !(t > 0))
        {
            return null;
        }

        var forwardS = s * Math.Exp(-q * t);
        var discountK = k * Math.Exp(-r * t);
        var (lower, upper) = right == OptionRight.Call
            ? (Math.Max(forwardS - discountK, 0), forwardS)
            : (Math.Max(discountK - forwardS, 0), discountK);

        // At the lower bound only σ = 0 fits; at the upper bound only σ = ∞.
        if (!(price > lower) || !(price < upper))
        {
            return null;
        }

        var lo = 0.0;
        var hi = 1.0;
        while (BlackScholes.PriceUnchecked(right, s, k, t, r, hi, q) < price)
        {
            if (hi >= MaxVolatility)
            {
                return null;
            }

            lo = hi;
            hi = Math.Min(2 * hi, MaxVolatility);
        }

        // Brenner–Subrahmanyam's at-the-money estimate as the first guess, kept inside the bracket.
        var sigma = Math.Sqrt(2 * Math.PI / t) * price / s;
        if (!(sigma > lo && sigma < hi))
        {
            sigma = 0.5 * (lo + hi);
        }

        for (var i = 0; i < MaxIterations; i++)
        {
            var g = BlackScholes.GreeksUnchecked(right, s, k, t, r, sigma, q);
            var diff = g.Price - price;
            if (diff == 0)
            {
                return sigma;
            }

            if (diff > 0)
            {
                hi = sigma;
            }
            else
            {
                lo = sigma;
            }

            var next = sigma - (diff / g.Vega);
            if (!(g.Vega > 0) || !(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - sigma) <= 1e-15 * Math.Max(1.0, sigma) || hi - lo <= 1e-15 * Math.Max(1.0, hi))
            {
                return double.IsFinite(next) && next > 0 ? next : null;
            }

            sigma = next;
        }

        return double.IsFinite(sigma) && sigma > 0 ? sigma : null;
    }
}
