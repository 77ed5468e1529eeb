namespace Gv2Edge.Radar.Engines;

/// <summary>
/// One buffered sample of a symbol, taken on the buffer's fixed clock (never per tick).
/// </summary>
/// <param name="Time">Clock time the sample was taken.</param>
/// <param name="Price">Last price (dollars), or the mid when no last is known.</param>
/// <param name="PeriodVolume">Shares traded since the previous sample (difference of the day's cumulative volume).</param>
/// <param name="PeriodSeconds">Length of the period <paramref name="PeriodVolume"/> covers, in seconds.</param>
/// <param name="Bid">Best bid, NaN when unknown.</param>
/// <param name="Ask">Best ask, NaN when unknown.</param>
/// <param name="SpreadPct">(ask − bid) / mid in percent, NaN when the quote is one-sided or crossed.</param>
/// <param name="Vwap">The day's VWAP, NaN when unknown.</param>
/// <param name="PrevClose">Previous session close, NaN when unknown.</param>
/// <param name="Session">"PRE", "RTH", "POST" or "CLOSED".</param>
/// <param name="DataQuality">"live", "frozen", "delayed" or "delayed-frozen".</param>
public readonly record struct TickerSample(
    DateTimeOffset Time,
    double Price,
    double PeriodVolume,
    double PeriodSeconds,
    double Bid,
    double Ask,
    double SpreadPct,
    double Vwap,
    double PrevClose,
    string Session,
    string DataQuality)
{
    /// <summary>Shares per minute over the sample's period.</summary>
    public double VolumePerMinute => PeriodSeconds > 0 ? PeriodVolume / (PeriodSeconds / 60.0) : 0;

    /// <summary>Spread as a percent of the mid, NaN when not computable.</summary>
    public static double SpreadPercent(double bid, double ask)
    {
        if (!(bid > 0) || !(ask > 0) || ask < bid || !double.IsFinite(bid) || !double.IsFinite(ask))
        {
            return double.NaN;
        }

        double mid = (bid + ask) / 2;
        return (ask - bid) / mid * 100.0;
    }
}
