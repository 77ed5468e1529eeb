using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Tws.Simulator.Server;

/// <summary>
/// Historical bars for reqHistoricalData (synthetic past days, then the simulated days as they were traded) and
/// IB's historical pacing, counted over all connections on the limits clock (<see cref="SimulatorOptions.LimitsClock"/>).
/// </summary>
internal sealed class HistoryService
{
    private readonly GatewaySimulator _server;
    private readonly List<(long Time, string Key, string ContractKey)> _recent = [];
    private readonly Lock _gate = new();

    public HistoryService(GatewaySimulator server) => _server = server;

    /// <summary>
    /// IB's pacing for small bars (≤ 30 s): no identical request within 15 s, at most 5 for one contract and type within
    /// 2 s, at most 60 in 10 minutes; BID_ASK counts twice. Returns false on a violation (not recorded).
    /// </summary>
    public bool Admit(string key, string contractKey, bool smallBars, bool bidAsk)
    {
        if (!smallBars)
        {
            return true;
        }

        TimeProvider time = _server.LimitsTime;
        long now = time.GetTimestamp();
        long second = time.TimestampFrequency;
        lock (_gate)
        {
            _recent.RemoveAll(e => now - e.Time >= 600 * second);
            int sameContract = 0;
            foreach ((long t, string k, string ck) in _recent)
            {
                if (k == key && now - t < 15 * second)
                {
                    return false;
                }

                if (ck == contractKey && now - t < 2 * second)
                {
                    sameContract++;
                }
            }

            int weight = bidAsk ? 2 : 1;
            if (sameContract + weight > 5 || _recent.Count + weight > 60)
            {
                return false;
            }

            for (int i = 0; i < weight; i++)
            {
                _recent.Add((now, key, contractKey));
            }

            return true;
        }
    }

    /// <summary>Minute bars of one trading day (past days synthetic, simulated days as traded up to now).</summary>
    public List<SimBar> MinuteBars(StockInfo info, DateOnly day)
    {
        MarketModel model = _server.Model;
        if (day < model.History.FirstSimulatedDay)
        {
            return [.. model.History.Minutes(info, day)];
        }

        lock (model.Gate)
        {
            StockModel stock = model.Now(info);
            var result = new List<SimBar>();
            foreach (SimBar b in stock.MinuteBars)
            {
                if (DateOnly.FromDateTime(b.Time) == day)
                {
                    result.Add(b);
                }
            }

            return result;
        }
    }

    /// <summary>The regular-session bar of one trading day (today: so far).</summary>
    public SimBar? DailyBar(StockInfo info, DateOnly day)
    {
        MarketModel model = _server.Model;
        if (day < model.History.FirstSimulatedDay)
        {
            SimBar d = model.History.Daily(info, day);
            return d.Count == 0 && d.Volume == 0 ? null : d;
        }

        TimeOnly close = model.Calendar.RthClose(day);
        SimBar? daily = null;
        foreach (SimBar m in MinuteBars(info, day))
        {
            TimeOnly t = TimeOnly.FromDateTime(m.Time);
            if (t < new TimeOnly(9, 30) || t >= close)
            {
                continue;
            }

            if (daily is { } acc)
            {
                acc.Merge(m);
                daily = acc;
            }
            else
            {
                SimBar first = m;
                first.Time = day.ToDateTime(TimeOnly.MinValue);
                daily = first;
            }
        }

        return daily;
    }

    /// <summary>
    /// The trading days a request covers, oldest first, ending with the last session that started at or before
    /// <paramref name="endEt"/>: with <paramref name="useRth"/> that is the last regular session, so "1 D" asked
    /// before the open returns the previous day's regular hours (as IB does), not an empty day.
    /// </summary>
    public List<DateOnly> Days(DateTime endEt, int count, bool useRth = false)
    {
        ITradingCalendar cal = _server.Model.Calendar;
        DateOnly day = DateOnly.FromDateTime(endEt);
        TimeSpan sessionStart = useRth ? new TimeSpan(9, 30, 0) : TimeSpan.FromHours(4);
        if (!cal.IsTradingDay(day) || endEt.TimeOfDay < sessionStart)
        {
            day = cal.PreviousTradingDay(day);
        }

        var days = new List<DateOnly>();
        for (int i = 0; i < count; i++)
        {
            days.Add(day);
            day = cal.PreviousTradingDay(day);
        }

        days.Reverse();
        return days;
    }

    /// <summary>Splits a minute bar into <paramref name="seconds"/>-long pieces along a seeded path from open to close.</summary>
    public IEnumerable<SimBar> Split(SimBar minute, int seconds, ulong seed)
    {
        int pieces = 60 / seconds;
        var rng = new SimRandom(SimRandom.Mix(seed, (ulong)minute.Time.Ticks));
        double price = minute.Open;
        for (int i = 0; i < pieces; i++)
        {
            double target = i == pieces - 1 ? minute.Close : minute.Open + ((minute.Close - minute.Open) * (i + 1) / pieces)
                + ((minute.High - minute.Low) * 0.3 * (rng.NextDouble() - 0.5));
            target = Math.Clamp(target, minute.Low, minute.High);
            long volume = minute.Volume / pieces;
            yield return new SimBar
            {
                Time = minute.Time.AddSeconds(i * seconds),
                Open = price,
                High = Math.Max(price, target),
                Low = Math.Min(price, target),
                Close = Math.Round(target, 4),
                Volume = i == pieces - 1 ? minute.Volume - (volume * (pieces - 1)) : volume,
                Wap = Math.Round((price + target) / 2, 4),
                Count = Math.Max(volume > 0 ? 1 : 0, minute.Count / pieces),
                Spread = minute.Spread,
            };
            price = Math.Round(target, 4);
        }
    }
}
