using Gv2Edge.Market;
using Gv2Edge.Radar.Detectors;

namespace Gv2Edge.Radar.State;

/// <summary>
/// The mutable state of one symbol, updated in place by <see cref="Apply"/>. Guarded by <see cref="Gate"/>;
/// only the store touches it.
/// </summary>
internal sealed partial class SymbolState
{
    private readonly DetectorOptions _options;
    private readonly long _gapTicks;
    private double _cumReference = double.NaN;
    private bool _gapPending;

    public SymbolState(SymbolId id, string symbol, DetectorOptions options)
    {
        Id = id;
        Symbol = symbol;
        _options = options;
        _gapTicks = options.DataGap.Ticks;
        _ring = new SecondBar[options.HistorySeconds];
        _volume = new WindowSum(options.VolumeWindowSeconds);
        _low = new WindowExtreme(options.PriceWindowSeconds, max: false);
        _high = new WindowExtreme(options.PriceWindowSeconds, max: true);
        _spread = new WindowSum(options.SpreadWindowSeconds + 1);
        ResetDay(default);
    }

    public object Gate { get; } = new();

    public SymbolId Id { get; }

    public string Symbol { get; }

    public QuoteTick Latest { get; private set; }

    public bool HasTick { get; private set; }

    public long LastTickUtc { get; private set; }

    public SessionPoint Session { get; private set; }

    public long TickCount { get; private set; }

    public VolumeProfile? Profile { get; set; }

    public double PreHigh { get; private set; }

    public double PreLow { get; private set; }

    public double RthHigh { get; private set; }

    public double RthLow { get; private set; }

    public double DayHigh { get; private set; }

    public double DayLow { get; private set; }

    /// <summary>Shares counted from cumulative-volume differences since the day (or the last gap) started.</summary>
    public double PeriodVolumeToday { get; private set; }

    /// <summary>Number of gaps (explicit or detected) that restarted the period volume.</summary>
    public int Gaps { get; private set; }

    /// <summary>The next update starts afresh: period volume restarts and the rolling windows warm up again.</summary>
    public void MarkGap() => _gapPending = true;

    /// <summary>Applies one update and fills <paramref name="input"/> for the detectors.</summary>
    public void Apply(in QuoteTick tick, in SessionPoint session, out DetectorInput input)
    {
        long utc = tick.Time.UtcTicks;
        long second = tick.Time.ToUnixTimeSeconds();
        if (HasTick && session.ExchangeDate != Session.ExchangeDate)
        {
            ResetDay(session.ExchangeDate);
        }

        if (_gapPending)
        {
            _gapPending = false;
            RestartWindows(second, volumeOnly: false);
        }
        else if (HasTick && utc - LastTickUtc > _gapTicks)
        {
            RestartWindows(second, volumeOnly: true);
        }

        if (HasTick && session.Session != Session.Session)
        {
            // Pre-market spreads are structurally wider: the open's normal narrowing is not a tightening. The first
            // seconds are skipped too: a quote taken just before the boundary can arrive just after it.
            RestartSpread(second + _options.SessionSettleSeconds);
        }

        Roll(second);
        ref SecondBar bar = ref _ring[Index(_current)];
        bar.Ticks++;
        ApplyVolume(tick.CumulativeVolume, second, ref bar);

        double highBefore = session.Session == MarketSession.Pre ? PreHigh : DayHigh;
        ApplyPrice(in tick, session.Session, ref bar);
        double highAfter = session.Session == MarketSession.Pre ? PreHigh : DayHigh;

        double spreadPct = SpreadPct(tick.Bid, tick.Ask);
        bar.SpreadPct = spreadPct > 0 ? spreadPct : double.NaN;

        Latest = tick;
        HasTick = true;
        LastTickUtc = utc;
        Session = session;
        TickCount++;

        int windowSeconds = _options.VolumeWindowSeconds;
        double baseline = double.NaN, baselineStd = double.NaN;
        if (Profile is { } profile && profile.Date == session.ExchangeDate)
        {
            double scale = windowSeconds / 60.0;
            baseline = profile.MeanAt(session.MinuteOfDay) * scale;
            baselineStd = profile.StdAt(session.MinuteOfDay) * scale;
        }

        input = new DetectorInput
        {
            UtcTicks = utc,
            Session = session.Session,
            Last = tick.Last,
            Bid = tick.Bid,
            Ask = tick.Ask,
            BidSize = tick.BidSize,
            AskSize = tick.AskSize,
            SpreadPct = spreadPct,
            AvgSpreadPct = _spread.Count > 0 ? _spread.Sum / _spread.Count : double.NaN,
            SpreadSeconds = _spread.Count,
            SpreadSpanSeconds = _spread.Count > 0 ? (int)(second - _spread.OldestSecond) : 0,
            WindowVolume = _volume.Sum + bar.Volume,
            VolumeWindowFull = second - _volumeSince >= windowSeconds - 1,
            BaselineVolume = baseline,
            BaselineStd = baselineStd,
            WindowLow = Min(_low.Value, bar.Low),
            WindowHigh = Max(_high.Value, bar.High),
            HighBefore = highBefore,
            HighAfter = highAfter,
            Halted = tick.Halted,
            Quality = tick.Quality,
        };
    }

    private void ApplyVolume(double cumulative, long second, ref SecondBar bar)
    {
        if (double.IsNaN(cumulative))
        {
            return;
        }

        if (double.IsNaN(_cumReference) || cumulative < _cumReference)
        {
            // First value, after a gap, or the provider restarted its count: this becomes the reference.
            _cumReference = cumulative;
            RestartVolume(second);
            return;
        }

        double traded = cumulative - _cumReference;
        _cumReference = cumulative;
        bar.Volume += traded;
        PeriodVolumeToday += traded;
    }

    private void ApplyPrice(in QuoteTick tick, MarketSession session, ref SecondBar bar)
    {
        double last = tick.Last;
        if (last > 0)
        {
            bar.High = Max(bar.High, last);
            bar.Low = Min(bar.Low, last);
            bar.Close = last;
            switch (session)
            {
                case MarketSession.Pre:
                    PreHigh = Max(PreHigh, last);
                    PreLow = Min(PreLow, last);
                    break;
                case MarketSession.Rth:
                    RthHigh = Max(RthHigh, last);
                    RthLow = Min(RthLow, last);
                    break;
            }

            DayHigh = Max(DayHigh, last);
            DayLow = Min(DayLow, last);
        }

        // Before the open IB's high/low ticks can still be the previous day's: trust them in RTH and after only.
        if (session is MarketSession.Rth or MarketSession.Post)
        {
            if (tick.DayHigh > 0)
            {
                DayHigh = Max(DayHigh, tick.DayHigh);
            }

            if (tick.DayLow > 0)
            {
                DayLow = Min(DayLow, tick.DayLow);
            }
        }
    }

    private void ResetDay(DateOnly date)
    {
        _ = date;
        PreHigh = PreLow = RthHigh = RthLow = DayHigh = DayLow = double.NaN;
        PeriodVolumeToday = 0;
        _cumReference = double.NaN;
    }

    private void RestartWindows(long second, bool volumeOnly)
    {
        Gaps++;
        _cumReference = double.NaN;
        RestartVolume(second);
        if (!volumeOnly)
        {
            RestartPrice(second);
            RestartSpread(second);
        }
    }

    internal static double SpreadPct(double bid, double ask)
    {
        if (!(bid > 0) || !(ask >= bid))
        {
            return double.NaN;
        }

        double mid = (bid + ask) / 2;
        return (ask - bid) / mid * 100.0;
    }

    private static double Max(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Max(a, b);

    private static double Min(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Min(a, b);
}
