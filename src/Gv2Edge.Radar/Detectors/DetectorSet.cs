namespace Gv2Edge.Radar.Detectors;

/// <summary>
/// The streaming detectors of one symbol with their cooldown gate. Not thread-safe: the engine calls it under
/// the symbol's lock. Allocates nothing per update.
/// </summary>
public sealed class DetectorSet
{
    /// <summary>Most signals one update can produce (one per detector).</summary>
    public const int MaxSignals = 6;

    private readonly IDetector[] _detectors;

    /// <summary>Creates the set with <paramref name="options"/>.</summary>
    public DetectorSet(DetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Halt = new HaltDetector();
        _detectors =
        [
            Halt,
            new VolumeSpikeDetector(options),
            new PriceMoveDetector(options, up: true),
            new PriceMoveDetector(options, up: false),
            new SpreadTighteningDetector(options),
            new NewHighDetector(options),
        ];
        Gate = new CooldownGate(options.Cooldown);
        Gate.SetCooldown(EventKind.NewHigh, options.NewHighCooldown);
    }

    public CooldownGate Gate { get; }

    public HaltDetector Halt { get; }

    /// <summary>
    /// Runs every detector on <paramref name="input"/> and writes the signals that pass the cooldown to
    /// <paramref name="fired"/> (at least <see cref="MaxSignals"/> long); returns how many.
    /// </summary>
    public int Update(in DetectorInput input, Span<DetectorSignal> fired)
    {
        int count = 0;
        foreach (IDetector detector in _detectors)
        {
            if (detector.Update(in input, out DetectorSignal signal) && Gate.TryPass(signal.Kind, input.UtcTicks))
            {
                fired[count++] = signal;
            }
        }

        return count;
    }

    /// <summary>Resets every detector and cooldown.</summary>
    public void Reset()
    {
        foreach (IDetector detector in _detectors)
        {
            detector.Reset();
        }

        Gate.Reset();
    }
}
