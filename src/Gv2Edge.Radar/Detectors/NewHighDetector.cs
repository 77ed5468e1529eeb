using Gv2Edge.Market;
using Gv2Edge.Radar.State;

namespace Gv2Edge.Radar.Detectors;

/// <summary>
/// NEW_HIGH: the session-relevant high (pre-market high in PRE, day high in RTH and POST) goes at least
/// <see cref="DetectorOptions.NewHighMinStepPct"/> beyond the previous high (the established one, then the last
/// reported one). The first update of a session only establishes the reference, and a print sitting at the high
/// does not fire again. Nothing fires CLOSED. The per-symbol cooldown is <see cref="DetectorOptions.NewHighCooldown"/>.
/// Signal: Value = new high, Threshold = previous high.
/// </summary>
public sealed class NewHighDetector(DetectorOptions options) : IDetector
{
    private double _reference = double.NaN;
    private MarketSession _session = MarketSession.Closed;

    /// <inheritdoc />
    public bool IsReady => !double.IsNaN(_reference);

    /// <inheritdoc />
    public bool Update(in DetectorInput input, out DetectorSignal signal)
    {
        signal = default;
        if (input.Session != _session)
        {
            // Pre-market highs and day highs are different references. The first update of a session only sets the
            // reference: at the open IB's own day-high tick starts being trusted, and it reports highs printed between
            // our samples, which are old news rather than a breakout.
            _session = input.Session;
            _reference = Max(input.HighBefore, input.HighAfter);
            return false;
        }

        if (input.Session == MarketSession.Closed || !(input.HighAfter > 0))
        {
            return false;
        }

        if (double.IsNaN(_reference))
        {
            _reference = input.HighAfter;
            return false;
        }

        bool fresh = input.HighAfter > input.HighBefore || double.IsNaN(input.HighBefore);
        if (!fresh || input.HighAfter < _reference * (1 + (options.NewHighMinStepPct / 100.0)))
        {
            return false;
        }

        signal = new DetectorSignal(EventKind.NewHigh, input.HighAfter, _reference);
        _reference = input.HighAfter;
        return true;
    }

    private static double Max(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Max(a, b);

    /// <inheritdoc />
    public void Reset()
    {
        _reference = double.NaN;
        _session = MarketSession.Closed;
    }
}
