using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;

namespace Gv2Edge.Cli.Check;

/// <summary>Reads the farm-status notices (2103–2108, 2119, 2157/2158) into one status per farm.</summary>
public static class FarmNotices
{
    /// <summary>The last status of each farm named in <paramref name="notices"/>, in first-seen order.</summary>
    public static IReadOnlyList<FarmStatus> Read(IEnumerable<TwsNotice> notices)
    {
        var farms = new List<FarmStatus>();
        foreach (TwsNotice n in notices)
        {
            if (Status(n.Code) is not { } status)
            {
                continue;
            }

            int colon = n.Message.LastIndexOf(':');
            string name = colon >= 0 && colon < n.Message.Length - 1 ? n.Message[(colon + 1)..].Trim() : DefaultName(n.Code);
            int at = farms.FindIndex(f => f.Name == name);
            if (at >= 0)
            {
                farms[at] = new FarmStatus(name, status);
            }
            else
            {
                farms.Add(new FarmStatus(name, status));
            }
        }

        return farms;
    }

    /// <summary>ok, broken, inactive or connecting for a farm code; null for other codes.</summary>
    public static string? Status(int code) => code switch
    {
        TwsErrorCodes.MarketDataFarmOk or TwsErrorCodes.HistoricalFarmOk or TwsErrorCodes.SecDefFarmOk => "ok",
        TwsErrorCodes.MarketDataFarmBroken or TwsErrorCodes.HistoricalFarmBroken or TwsErrorCodes.SecDefFarmBroken => "broken",
        TwsErrorCodes.HistoricalFarmInactive or TwsErrorCodes.MarketDataFarmInactive => "inactive",
        TwsErrorCodes.MarketDataFarmConnecting => "connecting",
        _ => null,
    };

    private static string DefaultName(int code) => code switch
    {
        TwsErrorCodes.HistoricalFarmOk or TwsErrorCodes.HistoricalFarmBroken or TwsErrorCodes.HistoricalFarmInactive => "historical",
        TwsErrorCodes.SecDefFarmOk or TwsErrorCodes.SecDefFarmBroken => "secdef",
        _ => "market data",
    };
}
