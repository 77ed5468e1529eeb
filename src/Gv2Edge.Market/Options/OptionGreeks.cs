namespace Gv2Edge.Market;

/// <summary>
/// A European option's Black–Scholes–Merton value and sensitivities. Raw values are per unit of the
/// variable (per year, per 1.00 of volatility, per 1.00 of rate); the helpers give the per-day and
/// per-percentage-point figures traders and IB quote.
/// </summary>
/// <param name="Price">Option value.</param>
/// <param name="Delta">∂V/∂S.</param>
/// <param name="Gamma">∂²V/∂S².</param>
/// <param name="Theta">∂V/∂t per year (the value's change as calendar time passes; usually negative).</param>
/// <param name="Vega">∂V/∂σ per 1.00 (100 points) of volatility.</param>
/// <param name="Rho">∂V/∂r per 1.00 (100 points) of interest rate.</param>
public sealed record OptionGreeks(double Price, double Delta, double Gamma, double Theta, double Vega, double Rho)
{
    /// <summary>Theta per calendar day (theta / 365), the convention of Hull and of IB's model greeks.</summary>
    public double ThetaPerDay => Theta / 365.0;

    /// <summary>Theta per trading day (theta / 252).</summary>
    public double ThetaPerTradingDay => Theta / 252.0;

    /// <summary>Vega per one volatility point (vega / 100), as IB reports it.</summary>
    public double VegaPerPoint => Vega / 100.0;

    /// <summary>Rho per one percentage point of rate (rho / 100).</summary>
    public double RhoPerPoint => Rho / 100.0;
}
