using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Tests.Detectors;

namespace Gv2Edge.Radar.Tests.Streaming;

/// <summary>
/// A scripted market for one symbol as a function of time, so streaming (ticks every 250 ms) and fallback
/// (a snapshot every few seconds) can be fed the same moves. Seconds from <see cref="ScriptedMarket.RthMorning"/>:
/// 120–210 volume at 5× baseline; 300–360 price 10.00 → 10.40; 420 on spread halves; 480–540 halted;
/// 600–630 price 10.40 → 10.00.
/// </summary>
internal static class Scenario
{
    public static readonly DateTimeOffset Start = ScriptedMarket.RthMorning;

    public const int Length = 720;

    public static QuoteTick At(DateTimeOffset time)
    {
        double e = (time - Start).TotalSeconds;
        double price = e < 300 ? 10.00 : e < 360 ? 10.00 + (0.40 * (e - 300) / 60) : e < 600 ? 10.40 : e < 630 ? 10.40 - (0.40 * (e - 600) / 30) : 10.00;
        double half = e >= 420 ? 0.005 : 0.01;
        return QuoteTick.Empty(time) with
        {
            Last = Math.Round(price, 4),
            Bid = Math.Round(price - half, 4),
            Ask = Math.Round(price + half, 4),
            BidSize = 500,
            AskSize = 400,
            CumulativeVolume = Math.Floor(Cumulative(e)),
            PrevClose = 9.80,
            Halted = e is >= 480 and < 540 ? 1 : 0,
        };
    }

    /// <summary>Shares since the start: 1,000 a minute, 5,000 a minute between 120 and 210 s.</summary>
    private static double Cumulative(double e)
    {
        double normal = 1000.0 / 60, fast = 5000.0 / 60;
        double spike = Math.Clamp(e - 120, 0, 90);
        return 100_000 + (normal * (e - spike)) + (fast * spike);
    }
}
