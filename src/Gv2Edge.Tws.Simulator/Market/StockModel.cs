using Gv2Edge.Market;
using Gv2Edge.Tws.Simulator.Scenarios;

namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>
/// One stock's simulated market, stepped lazily one market second at a time from the model's epoch. The state at
/// any instant depends only on the seed, the scenario and the instant, never on who asked or when, so two runs
/// with the same seed and scenario produce the same stream. Not thread-safe: the model's lock guards it.
/// </summary>
internal sealed partial class StockModel
{
    private readonly ITradingCalendar _calendar;
    private readonly IReadOnlyList<ScenarioEvent> _events;
    private readonly List<SimBar> _minuteBars = [];
    private readonly List<SimBar> _dailyBars = [];
    private SimRandom _rng;
    private int _nextEvent;
    private double _mid;
    private double _vwapNumerator;
    private double _dayRthClose;
    private double _surgeDrift;
    private DateTime _surgeUntil;
    private double _volumeMultiplier = 1;
    private DateTime _volumeUntil;
    private double _spreadDivisor = 1;
    private DateTime _spreadUntil;
    private DateTime _haltUntil;
    private double _resumeMovePercent;

    public StockModel(StockInfo info, ulong seed, ITradingCalendar calendar, DayHistory history, DateTime epochEt, IReadOnlyList<ScenarioEvent> events)
    {
        Info = info;
        _calendar = calendar;
        _events = events;
        _rng = new SimRandom(SimRandom.Mix(seed, SimRandom.Hash(info.Symbol)));
        SteppedTo = epochEt;
        TradingDay = DateOnly.FromDateTime(epochEt);
        SimBar previous = history.Daily(info, calendar.PreviousTradingDay(TradingDay));
        PrevClose = previous.Close;
        PrevDayOpen = previous.Open;
        _mid = PrevClose;
        _dayRthClose = PrevClose;
        Last = PrevClose;
        LastRthTrade = PrevClose;
        High = Low = double.NaN;
        SetQuote(MarketSession.Pre);
    }

    public StockInfo Info { get; }

    // The calendar's answer for [_sessionFrom, _sessionUntil), and New York's UTC offset then (it changes at 02:00,
    // outside every session).
    private MarketSession _sessionNow;
    private DateTime _sessionFrom = DateTime.MaxValue;
    private DateTime _sessionUntil = DateTime.MinValue;
    private long _utcOffsetTicks;

    /// <summary>The instant (exchange-local, whole seconds) the state describes.</summary>
    public DateTime SteppedTo { get; private set; }

    /// <summary>The trading day whose sessions the day fields (volume, high, low, open) belong to.</summary>
    public DateOnly TradingDay { get; private set; }

    /// <summary>Incremented on every change, so a subscription can tell whether anything moved.</summary>
    public long Version { get; private set; }

    public double Bid { get; private set; }

    public double Ask { get; private set; }

    public long BidSize { get; private set; }

    public long AskSize { get; private set; }

    public double Last { get; private set; }

    public long LastSize { get; private set; }

    public long Volume { get; private set; }

    /// <summary>Day high; NaN before the day's first trade.</summary>
    public double High { get; private set; }

    /// <summary>Day low; NaN before the day's first trade.</summary>
    public double Low { get; private set; }

    /// <summary>Today's regular-session open; null before the open.</summary>
    public double? DayOpen { get; private set; }

    /// <summary>The previous trading day's open (what tick 14 shows before today's open).</summary>
    public double PrevDayOpen { get; private set; }

    /// <summary>The previous session's close (tick 9).</summary>
    public double PrevClose { get; private set; }

    public double LastRthTrade { get; private set; }

    public long TradeCount { get; private set; }

    public double Vwap => Volume > 0 ? _vwapNumerator / Volume : double.NaN;

    /// <summary>Epoch milliseconds of the last trade (0 before any).</summary>
    public long LastTradeUnixMs { get; private set; }

    /// <summary>0 trading, 1 halted.</summary>
    public int Halted { get; private set; }

    public MarketSession Session { get; private set; }

    /// <summary>Minute bars of the simulated days, oldest first.</summary>
    public IReadOnlyList<SimBar> MinuteBars => _minuteBars;

    /// <summary>Daily bars of the simulated days that have ended.</summary>
    public IReadOnlyList<SimBar> CompletedDays => _dailyBars;

    /// <summary>Tick 14: today's open once there is one, the previous day's before.</summary>
    public double OpenTick => DayOpen ?? PrevDayOpen;

    /// <summary>Advances the state to <paramref name="et"/> (never backwards).</summary>
    public void AdvanceTo(DateTime et)
    {
        while (SteppedTo.AddSeconds(1) <= et)
        {
            DateTime next = SteppedTo.AddSeconds(1);
            if (next >= _sessionUntil || next < _sessionFrom)
            {
                // Asked once per session, not once per second: stepping a stock through a day is 57,600 steps.
                _sessionNow = _calendar.SessionAt(next, out _sessionUntil);
                _sessionFrom = next;
                _utcOffsetTicks = ExchangeClock.Zone.GetUtcOffset(next).Ticks;
            }

            MarketSession session = _sessionNow;
            if (session == MarketSession.Closed && Session == MarketSession.Closed)
            {
                // Nothing moves while the market is closed: jump straight to the next second worth stepping.
                DateTime resume = NextSessionStart(next);
                if (resume > et)
                {
                    SteppedTo = new DateTime(et.Ticks - (et.Ticks % TimeSpan.TicksPerSecond));
                    return;
                }

                SteppedTo = resume.AddSeconds(-1);
                continue;
            }

            Step(next, session);
            SteppedTo = next;
        }
    }

    private DateTime NextSessionStart(DateTime from)
    {
        DateOnly day = DateOnly.FromDateTime(from);
        DateTime start = day.ToDateTime(new TimeOnly(4, 0));
        if (!_calendar.IsTradingDay(day) || from >= start)
        {
            start = _calendar.NextTradingDay(day).ToDateTime(new TimeOnly(4, 0));
        }

        return start;
    }
}
