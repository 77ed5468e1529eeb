namespace Gv2Edge.Radar.Detectors;

/// <summary>
/// PRICE_SURGE (last at least <see cref="DetectorOptions.PriceSurgePct"/> above the lowest print of the price
/// window) or PRICE_DROP (at least <see cref="DetectorOptions.PriceDropPct"/> below the highest). The window is
/// the store's rolling 5 minutes on the fixed clock, so the move is "within 5 minutes", not against the prior close.
/// Signal: Value = move in percent (negative for a drop), Threshold = signed threshold, A = reference price, B = last.
/// </summary>
public sealed class PriceMoveDetector : IDetector
{
    private readonly bool _up;
    private readonly double _thresholdPct;
    private readonly double _rearmPct;
    private bool _armed = true;

    /// <summary>A surge detector (<paramref name="up"/> true) or a drop detector.</summary>
    public PriceMoveDetector(DetectorOptions options, bool up)
    {
        _up = up;
        _thresholdPct = up ? options.PriceSurgePct : options.PriceDropPct;
        _rearmPct = _thresholdPct * options.RearmFraction;
    }

    /// <inheritdoc />
    public bool IsReady { get; private set; }

    /// <inheritdoc />
    public bool Update(in DetectorInput input, out DetectorSignal signal)
    {
        signal = default;
        double reference = _up ? input.WindowLow : input.WindowHigh;
        IsReady = input.Last > 0 && reference > 0;
        if (!IsReady)
        {
            return false;
        }

        double movePct = (input.Last - reference) / reference * 100.0;
        double signedMove = _up ? movePct : -movePct;
        if (signedMove < _rearmPct)
        {
            _armed = true;
        }

        if (signedMove < _thresholdPct || !_armed)
        {
            return false;
        }

        _armed = false;
        signal = new DetectorSignal(
            _up ? EventKind.PriceSurge : EventKind.PriceDrop,
            movePct,
            _up ? _thresholdPct : -_thresholdPct,
            reference,
            input.Last);
        return true;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _armed = true;
        IsReady = false;
    }
}
