using Gv2Edge.Market;
using Gv2Edge.Tws.Simulator.Scenarios;

namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>
/// The whole simulated market: the universe, the calendar, a scenario and a seed. Stocks are created and stepped
/// on demand up to the clock's current time; everything is a function of (seed, scenario, time).
/// Thread-safe: one lock guards all stock state (the server touches it from one pump and from request handlers).
/// </summary>
internal sealed class MarketModel
{
    private readonly Dictionary<int, StockModel> _stocks = [];
    private readonly Dictionary<int, StockModel> _delayed = [];
    private readonly Lock _gate = new();

    public MarketModel(Universe universe, ITradingCalendar calendar, Scenario scenario, ulong seed, MarketClock clock)
    {
        Universe = universe;
        Calendar = calendar;
        Scenario = scenario;
        Seed = seed;
        Clock = clock;
        DateTime start = clock.StartEt;
        DateOnly day = DateOnly.FromDateTime(start);
        if (!calendar.IsTradingDay(day) || start.TimeOfDay < TimeSpan.FromHours(4))
        {
            day = calendar.PreviousTradingDay(day);
        }

        EpochEt = day.ToDateTime(new TimeOnly(4, 0));
        History = new DayHistory(seed, calendar, day);
        Options = new OptionModel(this);
    }

    public Universe Universe { get; }

    public ITradingCalendar Calendar { get; }

    public Scenario Scenario { get; }

    public ulong Seed { get; }

    public MarketClock Clock { get; }

    /// <summary>04:00 ET of the first simulated trading day (the last one that started at or before the start time).</summary>
    public DateTime EpochEt { get; }

    public DayHistory History { get; }

    public OptionModel Options { get; }

    /// <summary>Stocks created so far (each is stepped from the epoch when first asked for).</summary>
    public int StockCount
    {
        get
        {
            lock (_gate)
            {
                return _stocks.Count;
            }
        }
    }

    /// <summary>The lock every reader of stock state holds.</summary>
    public Lock Gate => _gate;

    /// <summary>The stock brought up to <paramref name="et"/> (call under <see cref="Gate"/>).</summary>
    public StockModel At(StockInfo info, DateTime et)
    {
        if (!_stocks.TryGetValue(info.ConId, out StockModel? stock))
        {
            stock = new StockModel(info, Seed, Calendar, History, EpochEt, Scenario.For(info.Symbol));
            _stocks[info.ConId] = stock;
        }

        stock.AdvanceTo(et);
        return stock;
    }

    /// <summary>
    /// The stock as delayed data shows it: the same path 15 minutes behind (a second copy, because a model never
    /// steps backwards). Call under <see cref="Gate"/>.
    /// </summary>
    public StockModel Delayed(StockInfo info, DateTime et)
    {
        if (!_delayed.TryGetValue(info.ConId, out StockModel? stock))
        {
            stock = new StockModel(info, Seed, Calendar, History, EpochEt, Scenario.For(info.Symbol));
            _delayed[info.ConId] = stock;
        }

        stock.AdvanceTo(et.AddMinutes(-15));
        return stock;
    }

    /// <summary>
    /// Brings every stock of the universe up to <paramref name="et"/> (call under <see cref="Gate"/>). Stocks are
    /// independent, so the ones behind are stepped in parallel; the caller's lock keeps everyone else out meanwhile.
    /// </summary>
    public void AdvanceAll(DateTime et)
    {
        var behind = new List<StockModel>();
        foreach (StockInfo info in Universe.Stocks)
        {
            if (!_stocks.TryGetValue(info.ConId, out StockModel? stock))
            {
                stock = new StockModel(info, Seed, Calendar, History, EpochEt, Scenario.For(info.Symbol));
                _stocks[info.ConId] = stock;
            }

            if (stock.SteppedTo.AddSeconds(1) <= et)
            {
                behind.Add(stock);
            }
        }

        if (behind.Count > 1)
        {
            Parallel.ForEach(behind, stock => stock.AdvanceTo(et));
        }
        else if (behind.Count == 1)
        {
            behind[0].AdvanceTo(et);
        }
    }

    /// <summary>
    /// Steps every stock up to the clock's time, taking <see cref="Gate"/> for one stock at a time so that requests
    /// and the pump interleave. Returns the stocks stepped.
    /// </summary>
    public int WarmUp(CancellationToken cancellationToken)
    {
        int n = 0;
        foreach (StockInfo info in Universe.Stocks)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            lock (_gate)
            {
                At(info, Clock.NowEt);
            }

            n++;
        }

        return n;
    }

    /// <summary>The stock at the clock's current time (call under <see cref="Gate"/>).</summary>
    public StockModel Now(StockInfo info) => At(info, Clock.NowEt);

    public MarketSession SessionNow => Calendar.SessionAt(Clock.NowEt);
}
