namespace Gv2Edge.Radar.Detectors;

/// <summary>
/// SPREAD_TIGHTENING: the spread (percent of mid) is at least <see cref="DetectorOptions.SpreadTighteningPct"/>
/// narrower than its average over the spread window (current second excluded, so a quote is never compared
/// with itself), with at least <see cref="DetectorOptions.SpreadMinQuoteSize"/> shares on both sides.
/// Signal: Value = narrowing in percent, Threshold = required narrowing, A = spread %, B = average spread %.
/// </summary>
public sealed class SpreadTighteningDetector(DetectorOptions options) : IDetector
{
    private bool _armed = true;

    /// <inheritdoc />
    public bool IsReady { get; private set; }

    /// <inheritdoc />
    public bool Update(in DetectorInput input, out DetectorSignal signal)
    {
        signal = default;
        IsReady = input.SpreadSeconds >= options.SpreadMinSeconds && input.AvgSpreadPct > 0 && input.SpreadPct >= 0;
        if (!IsReady)
        {
            return false;
        }

        double narrowingPct = (input.AvgSpreadPct - input.SpreadPct) / input.AvgSpreadPct * 100.0;
        if (narrowingPct < options.SpreadTighteningPct * options.RearmFraction)
        {
            _armed = true;
        }

        if (narrowingPct < options.SpreadTighteningPct)
        {
            return false;
        }

        bool sized = input.BidSize >= options.SpreadMinQuoteSize && input.AskSize >= options.SpreadMinQuoteSize;
        if (!sized || !_armed)
        {
            return false;
        }

        _armed = false;
        signal = new DetectorSignal(EventKind.SpreadTightening, narrowingPct, options.SpreadTighteningPct, input.SpreadPct, input.AvgSpreadPct);
        return true;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _armed = true;
        IsReady = false;
    }
}
