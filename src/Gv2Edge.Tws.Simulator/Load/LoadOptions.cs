namespace Gv2Edge.Tws.Simulator.Load;

/// <summary>
/// Load mode, for benchmarks only and NOT faithful to IB: instead of the market model's coalesced updates, every
/// streaming line a client holds receives pre-encoded level-1 frames (tickPrice/tickSize) at
/// <see cref="TicksPerSecond"/>, with no 250 ms coalescing. Set <see cref="SimulatorOptions.Load"/> to enable it.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>
    /// Frames per second over all connections and lines (default 50,000); <see cref="double.PositiveInfinity"/>
    /// sends as fast as the clients read.
    /// </summary>
    public double TicksPerSecond { get; init; } = 50_000;

    /// <summary>
    /// Size of the price move each line's frame cycle walks through, in percent (default 3): flat, up by this much,
    /// hold, back down, so price detectors fire. 0 keeps prices within a few ticks of the start.
    /// </summary>
    public double MovePercent { get; init; } = 3;

    /// <summary>Frames in one line's repeating cycle (default 2,048; at least 64).</summary>
    public int CycleFrames { get; init; } = 2_048;

    /// <summary>
    /// When set, the first frame of every batch queued to a connection is a tickSize of this tick type whose size is
    /// the driving clock's <see cref="TimeProvider.GetTimestamp"/> at the moment it was queued (with the system clock:
    /// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>). Default null (no stamps). 87 (average option volume)
    /// is a good choice: no detector reads it and the client keeps its value.
    /// </summary>
    public int? StampTickType { get; init; }

    internal void Validate()
    {
        if (!(TicksPerSecond > 0))
        {
            throw new ArgumentException($"Load rate {TicksPerSecond} must be a positive number of ticks per second (or infinity for as fast as possible).");
        }

        if (MovePercent is < 0 or > 50 || double.IsNaN(MovePercent))
        {
            throw new ArgumentException($"Load move {MovePercent}% must be between 0 and 50.");
        }

        if (CycleFrames < 64)
        {
            throw new ArgumentException($"Load cycle of {CycleFrames} frames is too short; use at least 64.");
        }

        if (StampTickType is < 0)
        {
            throw new ArgumentException($"Stamp tick type {StampTickType} must be a tick type (0 or more).");
        }
    }
}
