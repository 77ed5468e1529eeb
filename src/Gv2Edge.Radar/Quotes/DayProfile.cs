using Gv2Edge.Market;

namespace Gv2Edge.Radar.Quotes;

/// <summary>
/// What 1-minute bars (extended hours included) say about one trading day: the previous day's RTH close, this
/// day's pre-market high/low/volume/last, RTH close and after-hours volume/last. Null where no bar says.
/// </summary>
public sealed record DayProfile(
    DateOnly Day,
    double? PrevClose,
    double? PreHigh,
    double? PreLow,
    decimal? PreVolume,
    double? PreLast,
    double? RthClose,
    decimal? PostVolume,
    double? PostLast)
{
    /// <summary>
    /// Builds the profile of <paramref name="day"/> from its 1-minute bars (extended hours included) and daily bars
    /// of the days before. A bar belongs to the session its start falls in. The previous close is the close of the
    /// last daily bar dated before <paramref name="day"/>, else of the last minute bar in the previous day's RTH.
    /// </summary>
    public static DayProfile FromBars(IReadOnlyList<Bar> minuteBars, IReadOnlyList<Bar> dailyBars, DateOnly day, UsEquityCalendar calendar)
    {
        TradingDay today = calendar.GetDay(day);
        TradingDay before = calendar.GetDay(calendar.PreviousTradingDay(day));
        Bar? lastDaily = dailyBars.Where(b => ExchangeTime.DateOf(b.Time) < day && double.IsFinite(b.Close) && b.Close > 0).MaxBy(b => b.Time);
        double? prevClose = lastDaily?.Close ?? LastClose(minuteBars, before.RthOpen, before.RthClose);
        List<Bar> pre = Between(minuteBars, today.PreOpen, today.RthOpen);
        List<Bar> post = Between(minuteBars, today.RthClose, today.PostClose);
        return new DayProfile(
            day,
            prevClose,
            pre.Count > 0 ? pre.Max(b => b.High) : null,
            pre.Count > 0 ? pre.Min(b => b.Low) : null,
            pre.Count > 0 ? pre.Sum(b => b.Volume) : null,
            pre.Count > 0 ? pre[^1].Close : null,
            LastClose(minuteBars, today.RthOpen, today.RthClose),
            post.Count > 0 ? post.Sum(b => b.Volume) : null,
            post.Count > 0 ? post[^1].Close : null);
    }

    private static double? LastClose(IReadOnlyList<Bar> bars, DateTimeOffset? from, DateTimeOffset? to)
    {
        List<Bar> inside = Between(bars, from, to);
        return inside.Count > 0 ? inside[^1].Close : null;
    }

    private static List<Bar> Between(IReadOnlyList<Bar> bars, DateTimeOffset? from, DateTimeOffset? to)
        => from is { } f && to is { } t
            ? bars.Where(b => b.Time >= f && b.Time < t && double.IsFinite(b.Close) && b.Close > 0).OrderBy(b => b.Time).ToList()
            : [];
}
