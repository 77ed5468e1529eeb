using Gv2Edge.Radar.Events;

namespace Gv2Edge.Radar.Detectors;

/// <summary>The streaming event types as a small enum, so per-tick code indexes arrays instead of comparing strings.</summary>
public enum EventKind : byte
{
    VolumeSpike,
    PriceSurge,
    PriceDrop,
    SpreadTightening,
    NewHigh,
    Halted,
    Resumed,
    Stale,
}

/// <summary>Mapping to the contract's type names.</summary>
public static class EventKinds
{
    /// <summary>Number of kinds (array sizes).</summary>
    public const int Count = 8;

    /// <summary>The contract name (<see cref="EventTypes"/>) of a kind.</summary>
    public static string ToType(this EventKind kind) => kind switch
    {
        EventKind.VolumeSpike => EventTypes.VolumeSpike,
        EventKind.PriceSurge => EventTypes.PriceSurge,
        EventKind.PriceDrop => EventTypes.PriceDrop,
        EventKind.SpreadTightening => EventTypes.SpreadTightening,
        EventKind.NewHigh => EventTypes.NewHigh,
        EventKind.Halted => EventTypes.Halted,
        EventKind.Resumed => EventTypes.Resumed,
        _ => EventTypes.Stale,
    };
}

/// <summary>
/// What a detector reports when it crosses its threshold: the measured value, the threshold, and up to three
/// type-specific numbers (<see cref="A"/>, <see cref="B"/>, <see cref="C"/>, documented per detector).
/// </summary>
public readonly record struct DetectorSignal(EventKind Kind, double Value, double Threshold, double A = double.NaN, double B = double.NaN, double C = double.NaN);

/// <summary>
/// A detector is a small state machine over <see cref="DetectorInput"/>: edge-triggered (it reports a crossing
/// once, then re-arms when the condition clears), no I/O, time only from the input.
/// </summary>
public interface IDetector
{
    /// <summary>True when the inputs it needs are available (warm-up done, baseline known...).</summary>
    bool IsReady { get; }

    /// <summary>Feeds one update; true with a signal when the detector crossed its threshold on this update.</summary>
    bool Update(in DetectorInput input, out DetectorSignal signal);

    /// <summary>Forgets everything (new subscription, data gap).</summary>
    void Reset();
}
