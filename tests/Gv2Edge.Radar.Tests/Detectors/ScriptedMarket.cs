using Gv2Edge.Radar.State;

namespace Gv2Edge.Radar.Tests.Detectors;

/// <summary>
/// A recorded-style tick sequence written in the test: one symbol's level-1 picture that a script mutates
/// while the clock advances. Every call to <see cref="Quote"/> is the full picture at that moment.
/// </summary>
internal sealed class ScriptedMarket
{
    /// <summary>Wednesday 2026-11-18 10:00 New York (EST, UTC-5): regular hours.</summary>
    public static readonly DateTimeOffset RthMorning = new(2026, 11, 18, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Same day 08:00 New York: pre-market.</summary>
    public static readonly DateTimeOffset PreMarket = new(2026, 11, 18, 13, 0, 0, TimeSpan.Zero);

    public double Bid { get; set; } = 9.99;

    public double Ask { get; set; } = 10.01;

    public double Last { get; set; } = 10.00;

    public double BidSize { get; set; } = 500;

    public double AskSize { get; set; } = 500;

    public double Cumulative { get; set; } = 100_000;

    public double DayHigh { get; set; } = double.NaN;

    public int Halted { get; set; }

    /// <summary>Shares added to the cumulative volume per second by <see cref="Run"/>.</summary>
    public double VolumePerSecond { get; set; } = 1000.0 / 60;

    public QuoteTick Quote(DateTimeOffset time) => QuoteTick.Empty(time) with
    {
        Bid = Bid,
        Ask = Ask,
        Last = Last,
        BidSize = BidSize,
        AskSize = AskSize,
        CumulativeVolume = Math.Round(Cumulative),
        DayHigh = DayHigh,
        PrevClose = 9.80,
        Open = 9.90,
        Halted = Halted,
    };

    /// <summary>
    /// Advances <paramref name="seconds"/> seconds from <paramref name="start"/>, emitting <paramref name="ticksPerSecond"/>
    /// ticks per second (IB's ~250 ms cadence is 4) after applying <paramref name="step"/> (second index) and the volume rate.
    /// Returns the time after the last second.
    /// </summary>
    public DateTimeOffset Run(DateTimeOffset start, int seconds, Action<DateTimeOffset, QuoteTick> sink, Action<int>? step = null, int ticksPerSecond = 4)
    {
        for (int s = 0; s < seconds; s++)
        {
            step?.Invoke(s);
            for (int k = 0; k < ticksPerSecond; k++)
            {
                DateTimeOffset t = start.AddSeconds(s).AddMilliseconds(k * (1000 / ticksPerSecond));
                Cumulative += VolumePerSecond / ticksPerSecond;
                sink(t, Quote(t));
            }
        }

        return start.AddSeconds(seconds);
    }
}
