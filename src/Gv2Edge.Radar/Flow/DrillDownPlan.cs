using System.Globalization;
using Gv2Edge.Market;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Flow;

/// <summary>
/// Which option contracts a drill-down opens (pure): from the reqSecDefOptParams rows, the SMART row of the symbol's
/// own trading class, its nearest expirations still trading, and the strikes nearest the spot price within the band.
/// </summary>
public static class DrillDownPlan
{
    /// <summary>The chain row to use: SMART with the symbol as trading class, else any SMART row, else the first; null when empty.</summary>
    public static SecurityDefinitionOptionParameter? ChainRow(string symbol, IReadOnlyList<SecurityDefinitionOptionParameter> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        IEnumerable<SecurityDefinitionOptionParameter> usable = chain.Where(r => r.Expirations.Count > 0 && r.Strikes.Count > 0);
        return usable.FirstOrDefault(r => r.Exchange == "SMART" && string.Equals(r.TradingClass, symbol, StringComparison.OrdinalIgnoreCase))
            ?? usable.FirstOrDefault(r => r.Exchange == "SMART")
            ?? usable.FirstOrDefault();
    }

    /// <summary>
    /// Calls and puts of the nearest <see cref="OptionsFlowServiceOptions.Expirations"/> expirations that have not expired at
    /// <paramref name="now"/>, at the strikes within <see cref="OptionsFlowServiceOptions.StrikeRangePct"/> of
    /// <paramref name="spot"/> (at most <see cref="OptionsFlowServiceOptions.MaxStrikesPerExpiry"/>, nearest first), as
    /// SMART-routed USD contracts. Empty when the row is null or the spot is not a positive price.
    /// </summary>
    public static IReadOnlyList<Contract> Contracts(string symbol, SecurityDefinitionOptionParameter? row, double spot, DateTimeOffset now,
        OptionsFlowServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (row is null || !(spot > 0) || !double.IsFinite(spot))
        {
            return [];
        }

        List<string> expirations = [.. row.Expirations
            .Select(e => (Text: e, Date: ParseExpiry(e)))
            .Where(e => e.Date is { } d && OptionExpiry.ExpiryTime(d) > now)
            .OrderBy(e => e.Date)
            .Select(e => e.Text)
            .Distinct()
            .Take(options.Expirations)];
        double band = spot * options.StrikeRangePct / 100;
        List<double> strikes = [.. row.Strikes
            .Where(k => k > 0 && double.IsFinite(k) && Math.Abs(k - spot) <= band)
            .Distinct()
            .OrderBy(k => Math.Abs(k - spot))
            .Take(options.MaxStrikesPerExpiry)
            .Order()];
        var contracts = new List<Contract>(expirations.Count * strikes.Count * 2);
        foreach (string expiry in expirations)
        {
            foreach (double strike in strikes)
            {
                foreach (string right in (string[])["C", "P"])
                {
                    contracts.Add(new Contract
                    {
                        Symbol = symbol,
                        SecType = "OPT",
                        LastTradeDateOrContractMonth = expiry,
                        Strike = strike,
                        Right = right,
                        Multiplier = row.Multiplier,
                        Exchange = "SMART",
                        Currency = "USD",
                        TradingClass = row.TradingClass,
                    });
                }
            }
        }

        return contracts;
    }

    /// <summary>yyyyMMdd (IB also sends yyyyMMdd followed by a time zone or time for some chains: the date part counts).</summary>
    public static DateOnly? ParseExpiry(string text)
    {
        string s = (text ?? string.Empty).Trim();
        return s.Length >= 8 && DateOnly.TryParseExact(s[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d : null;
    }
}
