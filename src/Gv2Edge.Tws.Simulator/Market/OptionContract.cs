using System.Globalization;
using Gv2Edge.Market;

namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>One listed option of the simulated chains (US equity options: 100 shares, expiring 16:00 ET).</summary>
internal sealed record OptionContract(int ConId, StockInfo Underlying, DateOnly Expiry, double Strike, OptionRight Right)
{
    /// <summary>yyyyMMdd, as IB writes lastTradeDateOrContractMonth.</summary>
    public string ExpiryText => Expiry.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>"C" or "P".</summary>
    public string RightText => Right == OptionRight.Call ? "C" : "P";

    /// <summary>The OCC symbol IB uses as localSymbol, e.g. <c>AAPL  261127C00230000</c>.</summary>
    public string LocalSymbol =>
        Underlying.Symbol.PadRight(6) + Expiry.ToString("yyMMdd", CultureInfo.InvariantCulture) + RightText
        + ((long)Math.Round(Strike * 1000)).ToString("D8", CultureInfo.InvariantCulture);
}
