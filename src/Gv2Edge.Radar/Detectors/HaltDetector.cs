namespace Gv2Edge.Radar.Detectors;

/// <summary>
/// HALTED / RESUMED from tick 49: HALTED when the value becomes 1 (general halt) or 2 (volatility halt) —
/// including the first value seen —, RESUMED when it goes back to 0 after a halt. IB gives no halt reason
/// beyond these codes. Signal: Value = the halt code (for RESUMED: the halt that ended).
/// </summary>
public sealed class HaltDetector : IDetector
{
    private int _state = -1;

    /// <inheritdoc />
    public bool IsReady => _state >= 0;

    /// <summary>True while the last known value is a halt.</summary>
    public bool IsHalted => _state is 1 or 2;

    /// <inheritdoc />
    public bool Update(in DetectorInput input, out DetectorSignal signal)
    {
        signal = default;
        int value = input.Halted;
        if (value < 0)
        {
            return false;
        }

        int previous = _state;
        _state = value;
        bool wasHalted = previous is 1 or 2;
        if (value is 1 or 2 && !wasHalted)
        {
            signal = new DetectorSignal(EventKind.Halted, value, double.NaN);
            return true;
        }

        if (value == 0 && wasHalted)
        {
            signal = new DetectorSignal(EventKind.Resumed, previous, double.NaN);
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public void Reset() => _state = -1;
}
