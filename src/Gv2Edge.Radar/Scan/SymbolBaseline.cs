using Gv2Edge.Market;
using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.Engines;

namespace Gv2Edge.Radar.Scan;

/// <summary>
/// One symbol's radar baselines for one trading day, computed from the sessions before it: ATR and the average
/// volume of each half hour from 04:00 ET (the "average session"). It does not change during the day, so it is cached
/// on disk per trading day.
/// </summary>
public sealed record SymbolBaseline
{
    /// <summary>Half hours from 04:00 to 20:00 ET.</summary>
    public const int Slots = 32;

    /// <summary>Slot length.</summary>
    public static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(30);

    private static readonly TimeOnly FirstSlot = new(4, 0);

    /// <summary>ATR of the completed daily (regular-hours) bars; null with too few sessions.</summary>
    public double? Atr { get; init; }

    /// <summary>Sessions behind <see cref="SlotVolumes"/>.</summary>
    public int Sessions { get; init; }

    /// <summary>Average volume traded in each half hour from 04:00 ET (<see cref="Slots"/> values).</summary>
    public required IReadOnlyList<double> SlotVolumes { get; init; }

    /// <summary>
    /// Average volume traded from the session start (04:00 with extended hours, 09:30 without) to <paramref name="at"/>'s
    /// time of day, the half hour in progress counted pro rata (<see cref="VolumeToTime.FromIntradayBars"/> over the
    /// average session). Null when no session was seen.
    /// </summary>
    public double? AverageVolumeTo(DateTimeOffset at, bool includeExtended)
    {
        if (Sessions == 0 || SlotVolumes.Count != Slots)
        {
            return null;
        }

        // The average session, as half-hour bars dated the day before, so the shared volume-to-time arithmetic applies.
        DateOnly day = ExchangeTime.DateOf(at).AddDays(-1);
        var bars = new List<HistoryBar>(Slots);
        for (int i = 0; i < Slots; i++)
        {
            DateTimeOffset start = ExchangeTime.At(day, FirstSlot.Add(SlotLength * i));
            double v = SlotVolumes[i];
            bars.Add(new HistoryBar(start, SlotLength, 1, 1, 1, 1, v));
        }

        return VolumeToTime.FromIntradayBars(bars, at, includeExtended, sessions: 1);
    }

    /// <summary>
    /// Builds the baseline of <paramref name="tradingDay"/> from half-hour TRADES bars with extended hours (bar starts
    /// in exchange time): the last <paramref name="sessions"/> sessions before that day give the slot averages, their
    /// regular-hours bars give daily bars for ATR(<paramref name="atrPeriod"/>).
    /// </summary>
    public static SymbolBaseline FromHalfHourBars(IEnumerable<HistoryBar> bars, DateOnly tradingDay, UsEquityCalendar calendar,
        int sessions = 20, int atrPeriod = 14)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(calendar);
        var byDay = bars.Where(b => b.IsValid && ExchangeTime.DateOf(b.Start) < tradingDay)
            .GroupBy(b => ExchangeTime.DateOf(b.Start)).OrderBy(g => g.Key).ToList();
        var daily = new List<HistoryBar>(byDay.Count);
        foreach (IGrouping<DateOnly, HistoryBar> day in byDay)
        {
            TradingDay td = calendar.GetDay(day.Key);
            List<HistoryBar> rth = [.. day.Where(b => td.RthOpen is { } o && td.RthClose is { } c && b.Start >= o && b.Start < c).OrderBy(b => b.Start)];
            if (rth.Count > 0)
            {
                daily.Add(new HistoryBar(ExchangeTime.At(day.Key, TimeOnly.MinValue), TimeSpan.FromDays(1), rth[0].Open,
                    rth.Max(b => b.High), rth.Min(b => b.Low), rth[^1].Close, rth.Sum(b => b.Volume)));
            }
        }

        var recent = byDay.TakeLast(sessions).ToList();
        double[] slots = new double[Slots];
        foreach (IGrouping<DateOnly, HistoryBar> day in recent)
        {
            foreach (HistoryBar b in day)
            {
                int slot = (int)Math.Floor((ExchangeTime.ToExchange(b.Start).TimeOfDay - FirstSlot.ToTimeSpan()) / SlotLength);
                if (slot is >= 0 and < Slots)
                {
                    slots[slot] += b.Volume / recent.Count;
                }
            }
        }

        return new SymbolBaseline
        {
            Atr = AverageTrueRange.Compute(daily, atrPeriod),
            Sessions = recent.Count,
            SlotVolumes = slots,
        };
    }
}
