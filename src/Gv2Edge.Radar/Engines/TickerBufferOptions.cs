namespace Gv2Edge.Radar.Engines;

/// <summary>Settings of the ticker state buffer. Defaults follow the original (capacity 120, window 5) on a 1-minute clock.</summary>
public sealed record TickerBufferOptions
{
    /// <summary>Shortest allowed sampling interval (5 s): shorter periods make per-minute rates pure noise.</summary>
    public static readonly TimeSpan MinSampleInterval = TimeSpan.FromSeconds(5);

    /// <summary>Sampling clock. Default 1 minute (so 120 samples = 2 hours, as the original documented); at least 5 s.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Samples kept per symbol (ring buffer). Default 120.</summary>
    public int Capacity { get; init; } = 120;

    /// <summary>Samples used for velocities and accelerations. Default 5.</summary>
    public int DerivativeWindow { get; init; } = 5;

    /// <summary>Samples needed before derivatives exist. Default 3 (two velocities make one acceleration).</summary>
    public int MinSamples { get; init; } = 3;

    /// <summary>Samples at which confidence reaches 1 (confidence = n / this). Default 20.</summary>
    public int ConfidenceSamples { get; init; } = 20;

    /// <summary>
    /// Span the current volume rate is measured over before it is compared with the baseline (1 minute, the
    /// baseline bars' length), so a 5-second sample is not judged against 1-minute variability.
    /// </summary>
    public TimeSpan VolumeRateSpan { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Older buffered samples (outside the derivative window) needed before the symbol's own buffer serves as its
    /// baseline when no bar baseline was set. Default 10.
    /// </summary>
    public int MinSelfBaselineSamples { get; init; } = 10;

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> with a plain sentence when one is out of range.</summary>
    public void Validate()
    {
        if (SampleInterval < MinSampleInterval)
        {
            throw new ArgumentException($"The buffer's sample interval must be at least 5 seconds (got {SampleInterval.TotalSeconds} s).");
        }

        if (Capacity < 3 || DerivativeWindow < 3 || DerivativeWindow > Capacity)
        {
            throw new ArgumentException("The buffer needs a capacity of at least 3 and a derivative window between 3 and the capacity.");
        }

        if (MinSamples < 3 || ConfidenceSamples < 1 || VolumeRateSpan <= TimeSpan.Zero || MinSelfBaselineSamples < 2)
        {
            throw new ArgumentException("MinSamples must be at least 3, ConfidenceSamples at least 1, VolumeRateSpan positive and MinSelfBaselineSamples at least 2.");
        }
    }
}
