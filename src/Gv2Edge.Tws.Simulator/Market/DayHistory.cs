namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>
/// Synthetic, seeded history for the trading days before the simulation starts: daily closes walk backwards from
/// the universe's price (the close of the last day before the epoch), and each past day's minute bars are a
/// bridge from its open to its close. The same seed gives the same history.
/// </summary>
internal sealed class DayHistory
{
    private readonly ulong _seed;
    private readonly ITradingCalendar _calendar;
    private readonly DateOnly _firstSimulatedDay;
    private readonly Dictionary<(int ConId, DateOnly Day), SimBar[]> _minutes = [];
    private readonly Dictionary<int, List<double>> _closes = [];

    public DayHistory(ulong seed, ITradingCalendar calendar, DateOnly firstSimulatedDay)
    {
        _seed = seed;
        _calendar = calendar;
        _firstSimulatedDay = firstSimulatedDay;
    }

    /// <summary>The first day the live model simulates; history covers the days before it.</summary>
    public DateOnly FirstSimulatedDay => _firstSimulatedDay;

    /// <summary>The regular-session daily bar of a past trading day.</summary>
    public SimBar Daily(StockInfo info, DateOnly day)
    {
        SimBar[] minutes = Minutes(info, day);
        SimBar daily = default;
        bool any = false;
        TimeOnly close = _calendar.RthClose(day);
        foreach (SimBar m in minutes)
        {
            TimeOnly tod = TimeOnly.FromDateTime(m.Time);
            if (tod < new TimeOnly(9, 30) || tod >= close)
            {
                continue;
            }

            if (!any)
            {
                daily = m;
                daily.Time = day.ToDateTime(TimeOnly.MinValue);
                any = true;
            }
            else
            {
                daily.Merge(m);
            }
        }

        return daily;
    }

    /// <summary>Minute bars (04:00–20:00, or to 17:00 on half-days) of a past trading day.</summary>
    public SimBar[] Minutes(StockInfo info, DateOnly day)
    {
        lock (_minutes)
        {
            if (_minutes.TryGetValue((info.ConId, day), out SimBar[]? cached))
            {
                return cached;
            }

            SimBar[] bars = Generate(info, day);
            _minutes[(info.ConId, day)] = bars;
            return bars;
        }
    }

    /// <summary>13-, 26- and 52-week low/high from past daily closes (generic tick 165).</summary>
    public (double Lo13, double Hi13, double Lo26, double Hi26, double Lo52, double Hi52) Ranges(StockInfo info)
    {
        lock (_minutes)
        {
            double lo13 = double.MaxValue, hi13 = 0, lo26 = double.MaxValue, hi26 = 0, lo52 = double.MaxValue, hi52 = 0;
            for (int back = 1; back <= 252; back++)
            {
                double c = Close(info, back);
                double lo = Math.Round(c * (1 - (info.DailyVolatility * 0.4)), 2);
                double hi = Math.Round(c * (1 + (info.DailyVolatility * 0.4)), 2);
                if (back <= 63)
                {
                    lo13 = Math.Min(lo13, lo);
                    hi13 = Math.Max(hi13, hi);
                }

                if (back <= 126)
                {
                    lo26 = Math.Min(lo26, lo);
                    hi26 = Math.Max(hi26, hi);
                }

                lo52 = Math.Min(lo52, lo);
                hi52 = Math.Max(hi52, hi);
            }

            return (lo13, hi13, lo26, hi26, lo52, hi52);
        }
    }

    /// <summary>The close of a past trading day (<paramref name="daysBack"/> = 1 is the day before the epoch).</summary>
    private double Close(StockInfo info, int daysBack)
    {
        if (!_closes.TryGetValue(info.ConId, out List<double>? closes))
        {
            closes = [info.Price];
            _closes[info.ConId] = closes;
        }

        var rng = new SimRandom(SimRandom.Mix(_seed, SimRandom.Hash(info.Symbol) ^ 0xC105E));
        for (int i = 0; i < closes.Count - 1; i++)
        {
            rng.NextGaussian();
        }

        while (closes.Count < daysBack)
        {
            double r = rng.NextGaussian() * info.DailyVolatility;
            closes.Add(closes[^1] / Math.Exp(r));
        }

        return closes[daysBack - 1];
    }

    private SimBar[] Generate(StockInfo info, DateOnly day)
    {
        int back = 0;
        DateOnly d = _firstSimulatedDay;
        while (d > day)
        {
            d = _calendar.PreviousTradingDay(d);
            back++;
        }

        if (d != day || back == 0)
        {
            return [];
        }

        double close = Close(info, back);
        double prevClose = Close(info, back + 1);
        var rng = new SimRandom(SimRandom.Mix(_seed, SimRandom.Hash(info.Symbol) ^ (ulong)day.DayNumber));
        TimeOnly rthClose = _calendar.RthClose(day);
        int end = (rthClose.Hour * 60) + rthClose.Minute + (4 * 60);
        int open = VolumeCurve.OpenMinute;
        int closeMinute = (rthClose.Hour * 60) + rthClose.Minute;
        double sigma = info.DailyVolatility / Math.Sqrt(390);
        // Prices trade in ticks: the open too (it is served as tick 14 before the next open).
        double openPrice = Math.Round(prevClose * Math.Exp(rng.NextGaussian() * info.DailyVolatility * 0.3), info.Price >= 1 ? 2 : 4);
        var bars = new List<SimBar>(end - VolumeCurve.FirstMinute);
        double price = prevClose;
        for (int m = VolumeCurve.FirstMinute; m < end; m++)
        {
            double next;
            if (m < open)
            {
                // Pre-market drifts from the previous close toward the open.
                next = price + ((openPrice - price) / (open - m)) + (price * sigma * 0.5 * rng.NextGaussian());
            }
            else if (m < closeMinute)
            {
                // Brownian bridge: lands on the day's close at the closing minute.
                next = price + ((close - price) / (closeMinute - m)) + (price * sigma * rng.NextGaussian());
            }
            else
            {
                next = price * Math.Exp(sigma * 0.5 * rng.NextGaussian());
            }

            next = Math.Max(info.MinTick, Math.Round(next, info.Price >= 1 ? 2 : 4));
            double hi = Math.Max(price, next) * (1 + (Math.Abs(rng.NextGaussian()) * sigma * 0.3));
            double lo = Math.Min(price, next) * (1 - (Math.Abs(rng.NextGaussian()) * sigma * 0.3));
            long volume = (long)(info.AvgDailyVolume * VolumeCurve.At(m) * (0.5 + rng.NextDouble()));
            var bar = new SimBar
            {
                Time = day.ToDateTime(new TimeOnly(m / 60, m % 60)),
                Open = m == open ? openPrice : price,
                High = Math.Round(Math.Max(hi, m == open ? openPrice : price), 4),
                Low = Math.Round(Math.Min(lo, m == open ? openPrice : price), 4),
                Close = m == closeMinute - 1 ? close : next,
                Volume = volume,
                Count = (int)Math.Max(1, volume / 150),
                Spread = info.TypicalSpread,
            };
            bar.High = Math.Max(bar.High, bar.Close);
            bar.Low = Math.Min(bar.Low, bar.Close);
            bar.Wap = Math.Round((bar.High + bar.Low + bar.Close) / 3, 4);
            bars.Add(bar);
            price = bar.Close;
        }

        return [.. bars];
    }
}
