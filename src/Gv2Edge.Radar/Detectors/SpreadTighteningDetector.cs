namespace Gv2Edge.Radar.Detectors;

/// <summary>
/// SPREAD_TIGHTENING: the spread (percent of mid) is at least <see cref="DetectorOptions.SpreadTighteningPct"/>
/// narrower than its average over the spread window (current second excluded, so a quote is never compared
/// with itself), with at least <see cref="DetectorOptions.SpreadMinQuoteSize"/> shares on both sides, and still so
/// on an update at least <see cref="DetectorOptions.SpreadConfirm"/> later. IB sends bid and ask in separate
/// messages, so a reader between the two sees a half-updated quote (the bid already up, the ask not yet) whose
/// spread looks narrow for a moment; a locked or crossed quote is never a tightening for the same reason.
/// The average is over the spread that stood at the end of each second (see <see cref="State.SecondBar.SpreadPct"/>).
/// Signal: Value = narrowing in percent, Threshold = required narrowing, A = spread %, B = average spread %, C = spread in price.
/// </summary>
public sealed class SpreadTighteningDetector(DetectorOptions options) : IDetector
{
    private bool _armed = true;
    private long _tightSince = long.MinValue;

    /// <inheritdoc />
    public bool IsReady { get; private set; }

    /// <inheritdoc />
    public bool Update(in DetectorInput input, out DetectorSignal signal)
    {
        signal = default;

        // Readiness counts sampled seconds and the time they span separately: requiring one sample in each of ten
        // seconds never let a symbol quoted every few seconds (or a replay at 30x) get an average at all.
        IsReady = input.SpreadSeconds >= options.SpreadMinSamples && input.SpreadSpanSeconds >= options.SpreadMinSeconds
            && input.AvgSpreadPct > 0 && input.SpreadPct > 0;
        if (!IsReady)
        {
            _tightSince = long.MinValue;
            return false;
        }

        double narrowingPct = (input.AvgSpreadPct - input.SpreadPct) / input.AvgSpreadPct * 100.0;
        if (narrowingPct < options.SpreadTighteningPct * options.RearmFraction)
        {
            _armed = true;
        }

        bool sized = input.BidSize >= options.SpreadMinQuoteSize && input.AskSize >= options.SpreadMinQuoteSize;
        if (narrowingPct < options.SpreadTighteningPct || !sized)
        {
            _tightSince = long.MinValue;
            return false;
        }

        if (_tightSince == long.MinValue)
        {
            _tightSince = input.UtcTicks;
        }

        if (!_armed || input.UtcTicks - _tightSince < options.SpreadConfirm.Ticks)
        {
            return false;
        }

        _armed = false;
        signal = new DetectorSignal(EventKind.SpreadTightening, narrowingPct, options.SpreadTighteningPct, input.SpreadPct, input.AvgSpreadPct, input.Ask - input.Bid);
        return true;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _armed = true;
        _tightSince = long.MinValue;
        IsReady = false;
    }
}
