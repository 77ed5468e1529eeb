using Gv2Edge.Market;

namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>Conversions between UTC and New York exchange time (wall-clock DateTime values).</summary>
internal static class ExchangeClock
{
    public static TimeZoneInfo Zone => ExchangeTime.Zone;

    public static DateTimeOffset ToUtc(DateTime et)
    {
        DateTime local = DateTime.SpecifyKind(et, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateTime ToEt(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;
}
