namespace Gv2Edge.Radar.Detectors;

/// <summary>
/// VOLUME_SPIKE: shares over the volume window exceed <see cref="DetectorOptions.VolumeSpikeRatio"/> × the
/// time-of-day baseline for that window (and at least <see cref="DetectorOptions.VolumeSpikeMinShares"/>). Needs a
/// baseline and a whole window of tracked period volume, so a catch-up after a gap cannot count.
/// Signal: Value = ratio, Threshold = ratio threshold, A = z-score, B = window shares, C = baseline shares.
/// </summary>
public sealed class VolumeSpikeDetector(DetectorOptions options) : IDetector
{
    private bool _armed = true;

    /// <inheritdoc />
    public bool IsReady { get; private set; }

    /// <inheritdoc />
    public bool Update(in DetectorInput input, out DetectorSignal signal)
    {
        signal = default;
        IsReady = input.VolumeWindowFull && input.BaselineVolume > 0;
        if (!IsReady)
        {
            return false;
        }

        double ratio = input.WindowVolume / input.BaselineVolume;
        bool above = ratio > options.VolumeSpikeRatio && input.WindowVolume >= options.VolumeSpikeMinShares;
        if (ratio < options.VolumeSpikeRatio * options.RearmFraction)
        {
            _armed = true;
        }

        if (!above || !_armed)
        {
            return false;
        }

        _armed = false;
        double z = input.BaselineStd > 0 ? (input.WindowVolume - input.BaselineVolume) / input.BaselineStd : double.NaN;
        signal = new DetectorSignal(EventKind.VolumeSpike, ratio, options.VolumeSpikeRatio, z, input.WindowVolume, input.BaselineVolume);
        return true;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _armed = true;
        IsReady = false;
    }
}
