using Gv2Edge.Market;

namespace Gv2Edge.Radar.Quotes;

/// <summary>Which close a gap is measured against.</summary>
public enum GapReference
{
    /// <summary>The previous session's close (pre-market and regular hours).</summary>
    PrevClose,

    /// <summary>Today's regular-session close (after hours).</summary>
    RthClose,
}

/// <summary>
/// Gap arithmetic of the extended-hours module. The original measured the after-hours gap against the previous
/// day's close (IB's tick 9 still shows it after 16:00); here a POST gap is measured against today's RTH close,
/// with the change against the previous close alongside. All results in percent; NaN inputs give null.
/// </summary>
public static class GapMath
{
    /// <summary>Percent change of <paramref name="last"/> against <paramref name="reference"/>, or null when unknown.</summary>
    public static double? PercentChange(double last, double reference)
        => double.IsFinite(last) && double.IsFinite(reference) && reference > 0 && last > 0
            ? (last / reference - 1d) * 100d
            : null;

    /// <summary>The reference a gap uses in <paramref name="session"/>.</summary>
    public static GapReference ReferenceFor(MarketSession session)
        => session == MarketSession.Post ? GapReference.RthClose : GapReference.PrevClose;

    /// <summary>
    /// The gap in percent for <paramref name="session"/>: vs <paramref name="prevClose"/> in PRE, RTH and CLOSED,
    /// vs <paramref name="rthClose"/> (today's regular close) in POST. Null when the reference is unknown.
    /// </summary>
    public static double? Gap(MarketSession session, double last, double prevClose, double rthClose)
        => ReferenceFor(session) == GapReference.RthClose ? PercentChange(last, rthClose) : PercentChange(last, prevClose);

    /// <summary>The word of the JSON contract for a reference kind.</summary>
    public static string ToName(this GapReference reference) => reference == GapReference.RthClose ? "rthClose" : "prevClose";

    /// <summary>Spread in price units, or null when either side is missing or crossed.</summary>
    public static double? Spread(double bid, double ask)
        => double.IsFinite(bid) && double.IsFinite(ask) && bid > 0 && ask > 0 && ask >= bid ? ask - bid : null;

    /// <summary>Spread as percent of the mid, or null.</summary>
    public static double? SpreadPct(double bid, double ask)
        => Spread(bid, ask) is { } s ? s / ((bid + ask) / 2d) * 100d : null;
}
