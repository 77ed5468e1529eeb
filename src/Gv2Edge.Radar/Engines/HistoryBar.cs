using Gv2Edge.Market;

namespace Gv2Edge.Radar.Engines;

/// <summary>
/// One historical bar as the engines need it (a plain input: the market data service converts IB's bars to this).
/// Prices in dollars, volume in shares. <see cref="Start"/> is the bar's start with its offset.
/// </summary>
/// <param name="Start">Start of the bar.</param>
/// <param name="Duration">Bar length (1 minute for intraday baselines, 1 day for daily bars).</param>
/// <param name="Open">Opening price.</param>
/// <param name="High">High price.</param>
/// <param name="Low">Low price.</param>
/// <param name="Close">Closing price.</param>
/// <param name="Volume">Volume in shares.</param>
public readonly record struct HistoryBar(
    DateTimeOffset Start,
    TimeSpan Duration,
    double Open,
    double High,
    double Low,
    double Close,
    double Volume)
{
    /// <summary>True when every price is a positive finite number and the volume is finite and not negative.</summary>
    public bool IsValid =>
        IsPositive(Open) && IsPositive(High) && IsPositive(Low) && IsPositive(Close)
        && High >= Low && double.IsFinite(Volume) && Volume >= 0 && Duration > TimeSpan.Zero;

    /// <summary>Converts a market-data <see cref="Bar"/> (which carries no length) given its bar size.</summary>
    public static HistoryBar From(Bar bar, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(bar);
        return new HistoryBar(bar.Time, duration, bar.Open, bar.High, bar.Low, bar.Close, (double)bar.Volume);
    }

    private static bool IsPositive(double v) => double.IsFinite(v) && v > 0;
}
