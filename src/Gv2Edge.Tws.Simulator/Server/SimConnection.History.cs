using System.Globalization;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Tws.Simulator.Server;

internal sealed partial class SimConnection
{
    private static readonly string[] WhatToShowValues =
        ["TRADES", "MIDPOINT", "BID", "ASK", "BID_ASK", "ADJUSTED_LAST", "HISTORICAL_VOLATILITY", "OPTION_IMPLIED_VOLATILITY"];

    private readonly Dictionary<int, LiveBars> _liveBars = [];

    /// <summary>Historical requests left unanswered by the NoReply fault, until cancelled.</summary>
    private readonly HashSet<int> _unanswered = [];

    private sealed class LiveBars(ReqHistoricalData request, StockInfo stock, int barSeconds)
    {
        public ReqHistoricalData Request { get; } = request;

        public StockInfo Stock { get; } = stock;

        public int BarSeconds { get; } = barSeconds;

        public long NextDue { get; set; }

        public Bar? LastSent { get; set; }
    }

    /// <summary>reqHistoricalData: validation, IB's pacing, then all bars in one message (layout below 196).</summary>
    public void OnReqHistoricalData(ReqHistoricalData m)
    {
        string? invalid = ValidateHistory(m, out StockInfo? stock, out int barSeconds, out bool daily, out int amount, out char unit, out DateTime endEt);
        if (invalid is not null)
        {
            SendError(m.ReqId, invalid.StartsWith("No security", StringComparison.Ordinal) ? IbError.NoSecurityDefinition
                : invalid.StartsWith("Historical Market", StringComparison.Ordinal) ? IbError.HistoricalService : IbError.ServerErrorValidating, invalid);
            return;
        }

        if (_server.Faults.HistoricalFailureFor(stock!.Symbol) is { } failure)
        {
            FailHistory(m, stock, failure);
            return;
        }

        string contractKey = $"{stock.ConId}@{m.Contract.Exchange}:{m.WhatToShow}";
        string key = $"{contractKey}|{m.EndDateTime}|{m.BarSizeSetting}|{m.DurationStr}|{m.UseRth}";
        if (!_server.History.Admit(key, contractKey, !daily && barSeconds <= 30, m.WhatToShow == "BID_ASK"))
        {
            SendError(m.ReqId, IbError.HistoricalService, IbError.PacingText);
            return;
        }

        List<SimBar> bars = BuildBars(stock, endEt, amount, unit, barSeconds, daily, m.UseRth);
        if (bars.Count == 0)
        {
            SendError(m.ReqId, IbError.HistoricalService, NoDataText(m, stock));
            return;
        }

        DateTime startEt = unit == 'S' ? endEt.AddSeconds(-amount) : bars[0].Time;
        var wire = bars.Select(b => ToWire(b, m.WhatToShow, m.FormatDate, daily, stock)).ToList();
        using (Outbox.Scope scope = Outbox.Open())
        {
            new HistoricalData(m.ReqId, FormatStamp(startEt), FormatStamp(endEt), wire).Encode(scope.Writer, ServerVersion);
            scope.Count();
        }

        if (m.KeepUpToDate)
        {
            lock (_subscriptionsGate)
            {
                _liveBars[m.ReqId] = new LiveBars(m, stock, barSeconds) { LastSent = wire[^1] };
            }
        }
    }

    /// <summary>An injected failure (<see cref="Faults.SimulatorFaults.FailHistoricalData"/>), worded as IB words it.</summary>
    private void FailHistory(ReqHistoricalData m, StockInfo stock, Faults.HistoricalFailure failure)
    {
        string? text = failure switch
        {
            Faults.HistoricalFailure.NoData => NoDataText(m, stock),
            Faults.HistoricalFailure.PacingViolation => IbError.PacingText,
            Faults.HistoricalFailure.NoPermission => IbError.NoHistoricalPermissionText(stock.PrimaryExchange),
            Faults.HistoricalFailure.QueryCancelled => IbError.HistoryCancelledText + m.ReqId.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (text is not null)
        {
            SendError(m.ReqId, IbError.HistoricalService, text);
            return;
        }

        lock (_subscriptionsGate)
        {
            _unanswered.Add(m.ReqId);
        }
    }

    private static string NoDataText(ReqHistoricalData m, StockInfo stock)
        => IbError.NoDataText + $"{stock.Symbol}@{(m.Contract.Exchange.Length > 0 ? m.Contract.Exchange : "SMART")} {Title(m.WhatToShow)}";

    /// <summary>
    /// Ends a keepUpToDate stream silently; a query still pending (the <see cref="Faults.HistoricalFailure.NoReply"/>
    /// fault) is acknowledged as IB does, with 162 "API historical data query cancelled: N".
    /// </summary>
    public void OnCancelHistoricalData(CancelHistoricalData m)
    {
        bool pending;
        lock (_subscriptionsGate)
        {
            _liveBars.Remove(m.ReqId);
            pending = _unanswered.Remove(m.ReqId);
        }

        if (pending)
        {
            SendError(m.ReqId, IbError.HistoricalService, IbError.HistoryCancelledText + m.ReqId.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>headTimestamp: the first trading day the simulated history reaches (two years back).</summary>
    public void OnReqHeadTimestamp(ReqHeadTimestamp m)
    {
        if (Resolve(m.Contract) is not { Option: null } instrument)
        {
            SendError(m.ReqId, IbError.NoSecurityDefinition, IbError.NoSecurityText);
            return;
        }

        // The first bar is on a trading day (two years back can be a weekend or a holiday).
        DateOnly first = DateOnly.FromDateTime(_server.Model.EpochEt).AddYears(-2);
        ITradingCalendar cal = _server.Model.Calendar;
        if (!cal.IsTradingDay(first))
        {
            first = cal.NextTradingDay(first);
        }

        DateTime head = first.ToDateTime(m.UseRth ? new TimeOnly(9, 30) : new TimeOnly(4, 0));
        string text = m.FormatDate == 2
            ? ExchangeClock.ToUtc(head).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            : head.ToString("yyyyMMdd-HH:mm:ss", CultureInfo.InvariantCulture);
        _ = instrument;
        Send(new HeadTimestamp(m.ReqId, text));
    }

    /// <summary>keepUpToDate: the current bar, at most once a second, when it changed.</summary>
    private void PumpLiveBars(long now)
    {
        LiveBars[] live;
        lock (_subscriptionsGate)
        {
            if (_liveBars.Count == 0)
            {
                return;
            }

            live = [.. _liveBars.Values];
        }

        long second = _server.Options.TimeProvider.TimestampFrequency;
        DateTime nowEt = _server.Clock.NowEt;
        foreach (LiveBars l in live)
        {
            if (now < l.NextDue)
            {
                continue;
            }

            l.NextDue = now + second;
            List<SimBar> bars = BuildBars(l.Stock, nowEt, l.BarSeconds * 2, 'S', l.BarSeconds, false, l.Request.UseRth);
            if (bars.Count == 0)
            {
                continue;
            }

            Bar bar = ToWire(bars[^1], l.Request.WhatToShow, l.Request.FormatDate, false, l.Stock);
            if (bar != l.LastSent)
            {
                l.LastSent = bar;
                Send(new HistoricalDataUpdate(l.Request.ReqId, bar));
            }
        }
    }

    private string? ValidateHistory(ReqHistoricalData m, out StockInfo? stock, out int barSeconds, out bool daily, out int amount, out char unit, out DateTime endEt)
    {
        stock = null;
        daily = false;
        barSeconds = 0;
        amount = 0;
        unit = ' ';
        endEt = _server.Clock.NowEt;
        if (Resolve(m.Contract) is not { Option: null } instrument)
        {
            return IbError.NoSecurityText;
        }

        stock = instrument.Stock;
        if (!BarSpec.TryParseBarSize(m.BarSizeSetting, out barSeconds, out daily))
        {
            return "Error validating request.-'bP' : cause - Historical data bar size setting is invalid. Legal ones are: 1 secs, 5 secs, 10 secs, 15 secs, 30 secs, 1 min, 2 mins, 3 mins, 5 mins, 10 mins, 15 mins, 20 mins, 30 mins, 1 hour, 2 hours, 3 hours, 4 hours, 8 hours, 1 day, 1 week, 1 month";
        }

        if (!BarSpec.TryParseDuration(m.DurationStr, out amount, out unit))
        {
            return $"Error validating request.-'bP' : cause - Historical data query duration \"{m.DurationStr}\" is invalid: use an integer and S, D, W, M or Y, e.g. \"3 D\".";
        }

        if (!WhatToShowValues.Contains(m.WhatToShow))
        {
            return $"Error validating request.-'bP' : cause - Invalid whatToShow \"{m.WhatToShow}\".";
        }

        if (m.KeepUpToDate && (m.EndDateTime.Length > 0 || daily || barSeconds < 5))
        {
            return "Error validating request.-'bP' : cause - keepUpToDate needs an empty end date and bars of at least 5 secs.";
        }

        if (m.EndDateTime.Length > 0)
        {
            if (ParseEnd(m.EndDateTime) is not { } end)
            {
                return $"Error validating request.-'bP' : cause - End date/time \"{m.EndDateTime}\" is invalid; use yyyyMMdd HH:mm:ss followed by a time zone, or yyyyMMdd-HH:mm:ss in UTC.";
            }

            endEt = end < endEt ? end : endEt;
        }

        int smallest = BarSpec.SmallestBarSeconds(BarSpec.DurationSeconds(amount, unit));
        int barLength = daily ? 86_400 : barSeconds;
        if (barLength < smallest)
        {
            return "Historical Market Data Service error message:Historical data request for duration and bar size is too large (invalid step).";
        }

        return null;
    }

    private static DateTime? ParseEnd(string text)
    {
        text = text.Trim();
        if (DateTime.TryParseExact(text, "yyyyMMdd-HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime utc))
        {
            return ExchangeClock.ToEt(new DateTimeOffset(utc, TimeSpan.Zero));
        }

        string[] parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !DateTime.TryParseExact(parts[0] + " " + parts[1], "yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            return null;
        }

        string zone = parts.Length > 2 ? string.Join(' ', parts[2..]) : "US/Eastern";
        TimeZoneInfo tz;
        try
        {
            tz = zone.ToUpperInvariant() is "UTC" or "GMT" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zone);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }

        var instant = new DateTimeOffset(local, tz.GetUtcOffset(local));
        return ExchangeClock.ToEt(instant);
    }

    private List<SimBar> BuildBars(StockInfo stock, DateTime endEt, int amount, char unit, int barSeconds, bool daily, bool useRth)
    {
        HistoryService history = _server.History;
        ITradingCalendar cal = _server.Model.Calendar;
        if (daily)
        {
            var dailyBars = new List<SimBar>();
            foreach (DateOnly d in history.Days(endEt, unit == 'S' ? 1 : BarSpec.TradingDays(amount, unit), useRth))
            {
                if (history.DailyBar(stock, d) is { } bar)
                {
                    dailyBars.Add(bar);
                }
            }

            return barSeconds == 1 ? dailyBars : Group(dailyBars, barSeconds);
        }

        DateTime start = unit == 'S' ? endEt.AddSeconds(-amount) : DateTime.MinValue;
        int dayCount = unit == 'S' ? Math.Max(1, (int)Math.Ceiling(amount / 57_600.0) + 1) : BarSpec.TradingDays(amount, unit);
        var result = new List<SimBar>();
        foreach (DateOnly d in history.Days(endEt, dayCount, useRth && unit != 'S'))
        {
            TimeOnly close = cal.RthClose(d);
            SimBar? bucket = null;
            DateTime bucketKey = default;
            foreach (SimBar minute in history.MinuteBars(stock, d))
            {
                IEnumerable<SimBar> pieces = barSeconds < 60 ? history.Split(minute, barSeconds, _server.Options.Seed) : [minute];
                foreach (SimBar p in pieces)
                {
                    TimeOnly t = TimeOnly.FromDateTime(p.Time);
                    if (p.Time < start || p.Time >= endEt || (useRth && (t < new TimeOnly(9, 30) || t >= close)))
                    {
                        continue;
                    }

                    // Buckets align to midnight; a bucket that starts before the first bar it holds (09:00 for a
                    // 09:30 open with hour bars) is labelled with that first bar, as IB labels the 09:30 bar.
                    DateTime key = d.ToDateTime(TimeOnly.MinValue).AddSeconds(Math.Floor(p.Time.TimeOfDay.TotalSeconds / barSeconds) * barSeconds);
                    if (bucket is { } b && key == bucketKey)
                    {
                        b.Merge(p);
                        bucket = b;
                        continue;
                    }

                    if (bucket is { } done)
                    {
                        result.Add(done);
                    }

                    SimBar fresh = p;
                    fresh.Time = key.TimeOfDay < (useRth ? new TimeSpan(9, 30, 0) : new TimeSpan(4, 0, 0)) ? p.Time : key;
                    bucket = fresh;
                    bucketKey = key;
                }
            }

            if (bucket is { } last)
            {
                result.Add(last);
            }
        }

        return result;
    }

    private static List<SimBar> Group(List<SimBar> days, int span)
    {
        var result = new List<SimBar>();
        foreach (SimBar d in days)
        {
            bool sameGroup = result.Count > 0 && (span == 5
                ? System.Globalization.ISOWeek.GetWeekOfYear(result[^1].Time) == System.Globalization.ISOWeek.GetWeekOfYear(d.Time) && (d.Time - result[^1].Time).TotalDays < 7
                : result[^1].Time.Month == d.Time.Month && result[^1].Time.Year == d.Time.Year);
            if (sameGroup)
            {
                SimBar g = result[^1];
                g.Merge(d);
                result[^1] = g;
            }
            else
            {
                result.Add(d);
            }
        }

        return result;
    }

    private static Bar ToWire(SimBar b, string whatToShow, int formatDate, bool daily, StockInfo stock)
    {
        string date = daily ? b.Time.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            : formatDate == 2 ? ExchangeClock.ToUtc(b.Time).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            : FormatStamp(b.Time);
        double half = Math.Max(stock.MinTick, b.Spread) / 2;
        int digits = stock.Price >= 1 ? 2 : 4;
        double R(double v) => Math.Round(v, digits);
        switch (whatToShow)
        {
            case "TRADES" or "ADJUSTED_LAST":
                return new Bar(date, R(b.Open), R(b.High), R(b.Low), R(b.Close), b.Volume, (decimal)Math.Round(b.Wap, 4), b.Count);
            case "MIDPOINT":
                return new Bar(date, R(b.Open), R(b.High), R(b.Low), R(b.Close), -1, -1, -1);
            case "BID":
                return new Bar(date, R(b.Open - half), R(b.High - half), R(b.Low - half), R(b.Close - half), -1, -1, -1);
            case "ASK":
                return new Bar(date, R(b.Open + half), R(b.High + half), R(b.Low + half), R(b.Close + half), -1, -1, -1);
            case "BID_ASK":
                return new Bar(date, R(b.Open - half), R(b.High + half), R(b.Low - half), R(b.Close + half), -1, -1, -1);
            default:
                double vol = stock.DailyVolatility * Math.Sqrt(252) * (whatToShow == "OPTION_IMPLIED_VOLATILITY" ? 1.1 : 1);
                double wiggle = 1 + ((b.Close - b.Open) / Math.Max(0.01, b.Open));
                return new Bar(date, Math.Round(vol, 6), Math.Round(vol * Math.Max(1, wiggle), 6), Math.Round(vol * Math.Min(1, wiggle), 6),
                    Math.Round(vol * wiggle, 6), -1, -1, -1);
        }
    }

    private static string FormatStamp(DateTime et) => et.ToString("yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture) + " US/Eastern";

    private static string Title(string whatToShow) => whatToShow.Length == 0 ? whatToShow
        : whatToShow[..1] + whatToShow[1..].ToLowerInvariant();
}
