using System.Globalization;
using Gv2Edge.Market;
using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.State;

namespace Gv2Edge.Radar.Events;

/// <summary>Turns a detector signal into the contract's <see cref="RadarEvent"/> (only when an event fires, never per tick).</summary>
public static class EventFactory
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Builds the event for <paramref name="signal"/> on <paramref name="symbol"/>.</summary>
    public static RadarEvent Create(string symbol, in DetectorSignal signal, DateTimeOffset time, MarketSession session, DataQuality quality, string priority)
    {
        (string reason, Dictionary<string, object?>? extra) = Describe(in signal);
        string type = signal.Kind.ToType();
        return new RadarEvent
        {
            Id = string.Create(Inv, $"{symbol}:{type}:{time.ToUnixTimeMilliseconds()}"),
            Time = time,
            Symbol = symbol,
            Type = type,
            Value = Finite(signal.Value),
            Threshold = Finite(signal.Threshold),
            Reason = reason,
            Session = session.ToName(),
            DataQuality = quality.ToWord(),
            Priority = priority,
            Extra = extra,
        };
    }

    private static (string Reason, Dictionary<string, object?>? Extra) Describe(in DetectorSignal s) => s.Kind switch
    {
        EventKind.VolumeSpike => (
            F($"volume {s.B:0} shares in the window is {s.Value:0.0}x the time-of-day baseline of {s.C:0} (z {s.A:0.0})"),
            new() { ["zScore"] = Finite(Math.Round(s.A, 2)), ["windowVolume"] = s.B, ["baselineVolume"] = Math.Round(s.C, 1) }),
        EventKind.PriceSurge => (
            F($"last {s.B:0.####} is {s.Value:0.00}% above the 5-minute low {s.A:0.####}"),
            new() { ["reference"] = s.A, ["last"] = s.B }),
        EventKind.PriceDrop => (
            F($"last {s.B:0.####} is {-s.Value:0.00}% below the 5-minute high {s.A:0.####}"),
            new() { ["reference"] = s.A, ["last"] = s.B }),
        EventKind.SpreadTightening => (
            F($"spread {s.C:0.00##} ({s.A:0.0###}% of mid) is {s.Value:0}% narrower than its average of {s.B:0.0###}%"),
            new() { ["spreadPct"] = Math.Round(s.A, 5), ["avgSpreadPct"] = Math.Round(s.B, 5), ["spread"] = Finite(s.C) }),
        EventKind.NewHigh => (
            F($"new high {s.Value:0.####} beyond the previous high {s.Threshold:0.####}"),
            new() { ["previousHigh"] = s.Threshold }),
        EventKind.Halted => (
            s.Value == 2 ? "trading halted (volatility halt, tick 49 = 2)" : "trading halted (general halt, tick 49 = 1)",
            new() { ["haltKind"] = HaltKind(s.Value) }),
        EventKind.Resumed => (
            F($"trading resumed after a {HaltKind(s.Value)} halt"),
            new() { ["haltKind"] = HaltKind(s.Value) }),
        _ => (
            F($"no update for {s.Value:0} s; the line provider reported the subscription silent"),
            new() { ["silentSeconds"] = Finite(s.Value) }),
    };

    private static string HaltKind(double code) => code == 2 ? "volatility" : "general";

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static string F(FormattableString s) => s.ToString(Inv);
}
