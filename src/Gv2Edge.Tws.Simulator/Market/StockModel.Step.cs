using Gv2Edge.Market;
using Gv2Edge.Tws.Simulator.Scenarios;

namespace Gv2Edge.Tws.Simulator.Market;

internal sealed partial class StockModel
{
    private const double RthSeconds = 23_400;

    private void Step(DateTime t, MarketSession session)
    {
        DateOnly day = DateOnly.FromDateTime(t);
        if (session != MarketSession.Closed && day > TradingDay)
        {
            RollOver(day);
        }

        if (session != Session)
        {
            Session = session;
            Version++;
            if (session == MarketSession.Closed)
            {
                CloseDay();
            }
        }

        ApplyEvents(t);
        if (session == MarketSession.Closed)
        {
            return;
        }

        if (Halted != 0)
        {
            if (t < _haltUntil)
            {
                return;
            }

            Halted = 0;
            _mid *= 1 + (_resumeMovePercent / 100);
            Boost(ref _volumeMultiplier, ref _volumeUntil, 5, t.AddMinutes(2));
            Version++;
        }

        double volumeMultiplier = t < _volumeUntil ? _volumeMultiplier : 1;
        double sigma = Info.DailyVolatility / Math.Sqrt(RthSeconds) * (session == MarketSession.Rth ? 1 : 0.6);
        if (volumeMultiplier > 1)
        {
            sigma *= Math.Sqrt(volumeMultiplier);
        }

        double drift = t < _surgeUntil ? _surgeDrift : 0;
        _mid *= Math.Exp((sigma * _rng.NextGaussian()) + drift);
        _mid = Math.Max(_mid, Info.MinTick * 10);
        SetQuote(session, t);

        int minute = (t.Hour * 60) + t.Minute;
        double expected = Info.AvgDailyVolume * VolumeCurve.At(minute) / 60 * volumeMultiplier;
        double lot = Info.Price >= 1 ? 100 : 1000;
        double probability = Math.Min(1, expected / lot);
        if (_rng.NextDouble() < probability)
        {
            long size = (long)Math.Max(1, Math.Round(expected / probability * (0.5 + _rng.NextDouble()) / lot) * lot);
            bool buy = drift > 0 ? _rng.NextDouble() < 0.7 : _rng.NextDouble() < 0.5;
            Trade(t, session, buy ? Ask : Bid, size);
        }
    }

    private void SetQuote(MarketSession session, DateTime t = default)
    {
        double tick = Info.MinTick;
        double spread = Info.TypicalSpread * (session == MarketSession.Rth ? 1 : 3);
        bool tight = t < _spreadUntil;
        if (tight)
        {
            spread /= _spreadDivisor;
        }

        int ticks = Math.Max(1, (int)Math.Round(spread / tick));
        double bid = Math.Round(Math.Floor((_mid - (ticks * tick / 2)) / tick) * tick, 4);
        Bid = bid;
        Ask = Math.Round(bid + (ticks * tick), 4);
        long lot = Info.Price >= 1 ? 100 : 1000;
        int depth = session == MarketSession.Rth ? 20 : 5;
        BidSize = lot * _rng.Next(1, depth) * (tight ? 4 : 1);
        AskSize = lot * _rng.Next(1, depth) * (tight ? 4 : 1);
        Version++;
    }

    private void Trade(DateTime t, MarketSession session, double price, long size)
    {
        Last = price;
        LastSize = size;
        Volume += size;
        _vwapNumerator += price * size;
        TradeCount++;
        LastTradeUnixMs = (t.Ticks - _utcOffsetTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        if (double.IsNaN(High))
        {
            High = Low = price;
        }
        else
        {
            High = Math.Max(High, price);
            Low = Math.Min(Low, price);
        }

        if (session == MarketSession.Rth)
        {
            DayOpen ??= price;
            LastRthTrade = price;
            _dayRthClose = price;
        }

        DateTime minuteStart = new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMinute));
        if (_minuteBars.Count > 0 && _minuteBars[^1].Time == minuteStart)
        {
            var bar = _minuteBars[^1];
            bar.Add(price, size);
            _minuteBars[^1] = bar;
        }
        else
        {
            _minuteBars.Add(SimBar.Start(minuteStart, price, size, Ask - Bid));
        }

        Version++;
    }

    private void RollOver(DateOnly day)
    {
        CloseDay();
        PrevClose = _dayRthClose;
        PrevDayOpen = DayOpen ?? PrevDayOpen;
        DayOpen = null;
        High = Low = double.NaN;
        Volume = 0;
        _vwapNumerator = 0;
        TradeCount = 0;
        TradingDay = day;
        Version++;
    }

    private void CloseDay()
    {
        DateTime dayStart = TradingDay.ToDateTime(TimeOnly.MinValue);
        if (_dailyBars.Count > 0 && _dailyBars[^1].Time == dayStart)
        {
            return;
        }

        TimeOnly close = _calendar.RthClose(TradingDay);
        SimBar? daily = null;
        foreach (SimBar bar in _minuteBars)
        {
            if (DateOnly.FromDateTime(bar.Time) != TradingDay || bar.Time.TimeOfDay < new TimeSpan(9, 30, 0)
                || TimeOnly.FromDateTime(bar.Time) >= close)
            {
                continue;
            }

            if (daily is { } d)
            {
                d.Merge(bar);
                daily = d;
            }
            else
            {
                SimBar first = bar;
                first.Time = dayStart;
                daily = first;
            }
        }

        if (daily is { } done && SteppedTo.TimeOfDay >= close.ToTimeSpan())
        {
            _dailyBars.Add(done);
        }
    }

    private void ApplyEvents(DateTime t)
    {
        while (_nextEvent < _events.Count && _events[_nextEvent].At <= t)
        {
            ScenarioEvent e = _events[_nextEvent++];
            DateTime end = t + e.EffectiveDuration;
            switch (e.Kind)
            {
                case ScenarioEventKind.Gap:
                    _mid *= 1 + (e.Percent / 100);
                    Boost(ref _volumeMultiplier, ref _volumeUntil, 3, t.AddMinutes(5));
                    break;
                case ScenarioEventKind.VolumeBurst:
                    Boost(ref _volumeMultiplier, ref _volumeUntil, e.Multiplier, end);
                    break;
                case ScenarioEventKind.PriceSurge:
                    _surgeDrift = Math.Log(1 + (e.Percent / 100)) / Math.Max(1, e.EffectiveDuration.TotalSeconds);
                    _surgeUntil = end;
                    Boost(ref _volumeMultiplier, ref _volumeUntil, 4, end);
                    break;
                case ScenarioEventKind.SpreadTightening:
                    _spreadDivisor = Math.Max(1, e.Multiplier);
                    _spreadUntil = end;
                    break;
                case ScenarioEventKind.NewHigh:
                    double reference = double.IsNaN(High) ? _mid : Math.Max(High, _mid);
                    double target = reference * (1 + (Math.Max(0.5, e.Percent) / 100));
                    _surgeDrift = Math.Log(target / _mid) / 60;
                    _surgeUntil = t.AddSeconds(60);
                    Boost(ref _volumeMultiplier, ref _volumeUntil, 3, t.AddMinutes(2));
                    break;
                case ScenarioEventKind.Halt:
                    Halted = 1;
                    _haltUntil = end;
                    _resumeMovePercent = e.Percent;
                    Version++;
                    break;
                case ScenarioEventKind.CallVolumeBurst or ScenarioEventKind.PutVolumeBurst:
                    // Options read the burst straight from the scenario; the underlying trades a little more.
                    Boost(ref _volumeMultiplier, ref _volumeUntil, 2, end);
                    break;
            }
        }
    }

    private static void Boost(ref double multiplier, ref DateTime until, double value, DateTime end)
    {
        multiplier = value;
        until = end;
    }
}
