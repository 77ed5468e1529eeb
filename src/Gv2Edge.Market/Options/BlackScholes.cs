namespace Gv2Edge.Market;

/// <summary>
/// Black–Scholes–Merton for European options on a stock paying a continuous dividend yield.
/// Inputs: spot S &gt; 0, strike K &gt; 0, time to expiry T in years ≥ 0, continuously compounded rate r,
/// dividend yield q, volatility σ ≥ 0 (annualised, 0.25 = 25%). At T = 0 or σ = 0 the deterministic limits
/// are returned (discounted intrinsic value, delta 0 or e^(−qT), gamma and vega 0). Invalid inputs throw
/// <see cref="ArgumentException"/> from the plain methods and give null from the Try methods: no NaN or
/// infinity ever comes out.
/// </summary>
public static class BlackScholes
{
    /// <summary>The option's value.</summary>
    /// <exception cref="ArgumentException">An input is invalid (message names it).</exception>
    public static double Price(OptionRight right, double spot, double strike, double years, double rate, double volatility, double dividendYield = 0)
    {
        Validate(spot, strike, years, rate, dividendYield);
        CheckVolatility(volatility);
        return Finite(PriceUnchecked(right, spot, strike, years, rate, volatility, dividendYield), "price");
    }

    /// <summary>The option's value and greeks.</summary>
    /// <exception cref="ArgumentException">An input is invalid (message names it).</exception>
    public static OptionGreeks Greeks(OptionRight right, double spot, double strike, double years, double rate, double volatility, double dividendYield = 0)
    {
        Validate(spot, strike, years, rate, dividendYield);
        CheckVolatility(volatility);
        var g = GreeksUnchecked(right, spot, strike, years, rate, volatility, dividendYield);
        Finite(g.Price, "price");
        Finite(g.Delta, "delta");
        Finite(g.Gamma, "gamma");
        Finite(g.Theta, "theta");
        Finite(g.Vega, "vega");
        Finite(g.Rho, "rho");
        return g;
    }

    /// <summary>Like <see cref="Greeks"/>, but null instead of an exception when an input is invalid.</summary>
    public static OptionGreeks? TryGreeks(OptionRight right, double spot, double strike, double years, double rate, double volatility, double dividendYield = 0)
    {
        if (Problem(spot, strike, years, rate, dividendYield) is not null || !(volatility >= 0 && double.IsFinite(volatility)))
        {
            return null;
        }

        var g = GreeksUnchecked(right, spot, strike, years, rate, volatility, dividendYield);
        return double.IsFinite(g.Price) && double.IsFinite(g.Delta) && double.IsFinite(g.Gamma)
            && double.IsFinite(g.Theta) && double.IsFinite(g.Vega) && double.IsFinite(g.Rho) ? g : null;
    }

    /// <summary>
    /// The volatility at which the model value equals <paramref name="price"/>, to about 1e-12; null when no
    /// positive volatility gives that price (at or below the no-arbitrage lower bound — e.g. below intrinsic —
    /// at or above the upper bound, T = 0, or invalid inputs). Newton steps kept inside a shrinking bracket,
    /// with bisection whenever a step would leave it.
    /// </summary>
    public static double? ImpliedVolatility(OptionRight right, double price, double spot, double strike, double years, double rate, double dividendYield = 0)
        => ImpliedVol.Solve(right, price, spot, strike, years, rate, dividendYield);

    internal static string? Problem(double spot, double strike, double years, double rate, double dividendYield)
    {
        if (!(spot > 0) || !double.IsFinite(spot))
        {
            return $"spot must be a positive finite price (got {spot})";
        }

        if (!(strike > 0) || !double.IsFinite(strike))
        {
            return $"strike must be a positive finite price (got {strike})";
        }

        if (!(years >= 0) || !double.IsFinite(years))
        {
            return $"time to expiry must be zero or more years (got {years})";
        }

        if (!double.IsFinite(rate) || Math.Abs(rate) > 10)
        {
            return $"rate must be a finite annual rate between -10 and 10 (got {rate})";
        }

        return !double.IsFinite(dividendYield) || Math.Abs(dividendYield) > 10
            ? $"dividend yield must be a finite annual yield between -10 and 10 (got {dividendYield})"
            : null;
    }

    internal static double PriceUnchecked(OptionRight right, double s, double k, double t, double r, double sigma, double q)
    {
        var forwardS = s * Math.Exp(-q * t);
        var discountK = k * Math.Exp(-r * t);
        var sd = sigma * Math.Sqrt(t);
        if (sd == 0)
        {
            return right == OptionRight.Call ? Math.Max(forwardS - discountK, 0) : Math.Max(discountK - forwardS, 0);
        }

        var d1 = (Math.Log(s / k) + ((r - q) * t)) / sd + (0.5 * sd);
        var d2 = d1 - sd;
        return right == OptionRight.Call
            ? (forwardS * Normal.Cdf(d1)) - (discountK * Normal.Cdf(d2))
            : (discountK * Normal.Cdf(-d2)) - (forwardS * Normal.Cdf(-d1));
    }

    internal static OptionGreeks GreeksUnchecked(OptionRight right, double s, double k, double t, double r, double sigma, double q)
    {
        var dq = Math.Exp(-q * t);
        var dr = Math.Exp(-r * t);
        var sqrtT = Math.Sqrt(t);
        var sd = sigma * sqrtT;
        var call = right == OptionRight.Call;
        if (sd == 0)
        {
            // Deterministic limit: the option is worth its discounted forward intrinsic value.
            var moneyness = (s * dq) - (k * dr);
            var inTheMoney = call ? moneyness > 0 : moneyness < 0;
            var atTheMoney = moneyness == 0;
            var sign = call ? 1.0 : -1.0;
            var weight = inTheMoney ? 1.0 : atTheMoney ? 0.5 : 0.0;
            return new OptionGreeks(
                Price: Math.Max(sign * moneyness, 0),
                Delta: sign * weight * dq,
                Gamma: 0,
                Theta: weight * sign * ((q * s * dq) - (r * k * dr)),
                Vega: 0,
                Rho: weight * sign * k * t * dr);
        }

        var d1 = (Math.Log(s / k) + ((r - q) * t)) / sd + (0.5 * sd);
        var d2 = d1 - sd;
        var pdf = Normal.Pdf(d1);
        var decay = -s * dq * pdf * sigma / (2 * sqrtT);
        if (call)
        {
            var nd1 = Normal.Cdf(d1);
            var nd2 = Normal.Cdf(d2);
            return new OptionGreeks(
                Price: (s * dq * nd1) - (k * dr * nd2),
                Delta: dq * nd1,
                Gamma: dq * pdf / (s * sd),
                Theta: decay - (r * k * dr * nd2) + (q * s * dq * nd1),
                Vega: s * dq * pdf * sqrtT,
                Rho: k * t * dr * nd2);
        }

        var nmd1 = Normal.Cdf(-d1);
        var nmd2 = Normal.Cdf(-d2);
        return new OptionGreeks(
            Price: (k * dr * nmd2) - (s * dq * nmd1),
            Delta: -dq * nmd1,
            Gamma: dq * pdf / (s * sd),
            Theta: decay + (r * k * dr * nmd2) - (q * s * dq * nmd1),
            Vega: s * dq * pdf * sqrtT,
            Rho: -k * t * dr * nmd2);
    }

    private static void Validate(double spot, double strike, double years, double rate, double dividendYield)
    {
        if (Problem(spot, strike, years, rate, dividendYield) is { } problem)
        {
            throw new ArgumentException($"Black–Scholes: {problem}.");
        }
    }

    private static void CheckVolatility(double volatility)
    {
        if (!(volatility >= 0) || !double.IsFinite(volatility))
        {
            throw new ArgumentException($"Black–Scholes: volatility must be zero or a positive finite number (got {volatility}).", nameof(volatility));
        }
    }

    private static double Finite(double value, string what) => double.IsFinite(value)
        ? value
        : throw new ArgumentException($"Black–Scholes: the inputs give no finite {what}.");
}
