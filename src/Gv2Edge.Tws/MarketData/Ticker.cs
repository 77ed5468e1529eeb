using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.MarketData;

/// <summary>
/// The level-1 state of one subscription, exactly as IB last said it, updated in place by the socket reader (its
/// only writer) with no allocation and no whole-state copy per tick: a tick writes its one or two fields.
/// Read it with <see cref="ReadQuote"/> (level-1 fields only, the cheap one) or <see cref="Snapshot"/> (every
/// field, option data included); both return a consistent copy even while the reader is writing (a sequence
/// lock: the reader never waits for you). To know whether anything changed, compare <see cref="UpdateCount"/>.
/// </summary>
public sealed class Ticker
{
    private readonly ClockAnchor _clock;
    private int _sequence;
    private TickerQuote _quote = TickerQuote.Empty;
    private OptionFields _options = OptionFields.Empty;
    private RangeFields _ranges = RangeFields.Empty;
    private long _updateCount;
    private long _lastUpdateTimestamp;
    private int _stale;

    internal Ticker(ClockAnchor clock) => _clock = clock;

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the last change; 0 before any.</summary>
    public long LastUpdateTimestamp => Volatile.Read(ref _lastUpdateTimestamp);

    /// <summary>Ticks applied since the subscription started: a version number, cheap to poll.</summary>
    public long UpdateCount => Volatile.Read(ref _updateCount);

    /// <summary>True during a trading halt (halted tick 49/90 is 1 or 2): silence is expected then.</summary>
    /// <remarks>Read without the sequence lock: one aligned double cannot tear, and a value one tick old is fine here.</remarks>
    public bool IsHalted => _quote.IsHalted;

    /// <summary>
    /// Tick 87 as last written, read without the sequence lock: only valid on the socket reader (inside an
    /// <see cref="MarketDataSubscription.Updated"/> callback), where no write can race it. The simulator's load mode
    /// puts its send timestamps there, which is how the latency benchmark reads them per tick without a snapshot.
    /// </summary>
    internal decimal? AverageOptionVolumeOnReader => _options.AverageVolume;

    /// <summary>A consistent copy of the level-1 fields (about 200 bytes; no option data).</summary>
    public TickerQuote ReadQuote()
    {
        var spinner = default(SpinWait);
        while (true)
        {
            int before = Volatile.Read(ref _sequence);
            if ((before & 1) == 0)
            {
                TickerQuote copy = _quote;
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _sequence) == before)
                {
                    copy.UpdateCount = UpdateCount;
                    copy.IsStale = IsStale;
                    return copy;
                }
            }

            spinner.SpinOnce();
        }
    }

    /// <summary>A consistent copy of every field, option data included.</summary>
    public TickerSnapshot Snapshot()
    {
        var spinner = default(SpinWait);
        while (true)
        {
            int before = Volatile.Read(ref _sequence);
            if ((before & 1) == 0)
            {
                TickerQuote q = _quote;
                OptionFields o = _options;
                RangeFields r = _ranges;
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _sequence) == before)
                {
                    long ts = LastUpdateTimestamp;
                    return Compose(q, o, r, ts == 0 ? null : _clock.ToUtc(ts), UpdateCount, IsStale);
                }
            }

            spinner.SpinOnce();
        }
    }

    internal void ApplyPrice(in TickPrice m, long now, bool sharesFromLots)
    {
        Begin();
        double price = m.Price;
        switch (m.TickType)
        {
            case 1 or 66:
                _quote.Bid = price;
                _quote.BidSize = Size(m.Size, sharesFromLots) ?? _quote.BidSize;
                break;
            case 2 or 67:
                _quote.Ask = price;
                _quote.AskSize = Size(m.Size, sharesFromLots) ?? _quote.AskSize;
                break;
            case 4 or 68:
                _quote.Last = price;
                _quote.LastSize = Size(m.Size, sharesFromLots) ?? _quote.LastSize;
                break;
            case 6 or 72: _quote.High = price; break;
            case 7 or 73: _quote.Low = price; break;
            case 9 or 75: _quote.PreviousClose = price; break;
            case 14 or 76: _quote.Open = price; break;
            case 15: _ranges.Low13Week = price; break;
            case 16: _ranges.High13Week = price; break;
            case 17: _ranges.Low26Week = price; break;
            case 18: _ranges.High26Week = price; break;
            case 19: _ranges.Low52Week = price; break;
            case 20: _ranges.High52Week = price; break;
            default: break;
        }

        End(now);
    }

    internal void ApplySize(in TickSize m, long now, bool sharesFromLots)
    {
        Begin();
        decimal? size = m.Size;
        switch (m.TickType)
        {
            case 0 or 69: _quote.BidSize = Size(size, sharesFromLots); break;
            case 3 or 70: _quote.AskSize = Size(size, sharesFromLots); break;
            case 5 or 71: _quote.LastSize = Size(size, sharesFromLots); break;
            case 8 or 74: _quote.Volume = Size(size, sharesFromLots); break;
            case 21: _quote.AverageVolume = Size(size, sharesFromLots); break;
            case 27: _options.CallOpenInterest = size; break;
            case 28: _options.PutOpenInterest = size; break;
            case 29: _options.CallVolume = size; break;
            case 30: _options.PutVolume = size; break;
            case 87: _options.AverageVolume = size; break;
            default: break;
        }

        End(now);
    }

    internal void ApplyString(in TickString m, long now)
    {
        Begin();
        if (m.Kind == TickStringKind.RtVolume)
        {
            _quote.Last = m.Price ?? _quote.Last;
            _quote.LastSize = m.Size ?? _quote.LastSize;
            _quote.Volume = m.TotalVolume ?? _quote.Volume;
            _quote.Vwap = m.Vwap ?? _quote.Vwap;
            if (m.Time > 0)
            {
                _quote.LastTradeUnixMs = m.Time;
            }
        }
        else if (m.Kind == TickStringKind.Timestamp && m.Time > 0)
        {
            _quote.LastTradeUnixMs = m.Time * 1000;
        }

        End(now);
    }

    internal void ApplyGeneric(in TickGeneric m, long now)
    {
        Begin();
        switch (m.TickType)
        {
            case 23: _options.HistoricalVolatility = m.Value; break;
            case 24: _options.ImpliedVolatility = m.Value; break;
            case 49 or 90: _quote.Halted = m.Value; break;
            default: break;
        }

        End(now);
    }

    internal void ApplyOption(in TickOptionComputation m, long now)
    {
        Begin();
        var c = new OptionComputation(m.ImpliedVol, m.Delta, m.OptPrice, m.PvDividend, m.Gamma, m.Vega, m.Theta, m.UndPrice);
        switch (m.TickType)
        {
            case 10 or 80: _options.BidGreeks = c; break;
            case 11 or 81: _options.AskGreeks = c; break;
            case 12 or 82: _options.LastGreeks = c; break;
            case 13 or 83: _options.ModelGreeks = c; break;
            default: break;
        }

        End(now);
    }

    internal void SetMarketDataType(MarketDataType type)
    {
        Begin();
        _quote.MarketDataType = type;
        End(0);
    }

    /// <summary>Set from any thread (liveness timer, error handling); kept out of the sequence-locked state.</summary>
    internal bool SetStale(bool stale) => Interlocked.Exchange(ref _stale, stale ? 1 : 0) != (stale ? 1 : 0);

    internal bool IsStale => Volatile.Read(ref _stale) == 1;

    private static decimal? Size(decimal? size, bool sharesFromLots)
        => sharesFromLots && size is { } s ? s * 100 : size;

    private static TickerSnapshot Compose(in TickerQuote q, in OptionFields o, in RangeFields r, DateTimeOffset? lastUpdate, long updates,
        bool stale) => new()
        {
            Bid = q.Bid,
            Ask = q.Ask,
            Last = q.Last,
            BidSize = q.BidSize,
            AskSize = q.AskSize,
            LastSize = q.LastSize,
            Volume = q.Volume,
            AverageVolume = q.AverageVolume,
            High = q.High,
            Low = q.Low,
            Open = q.Open,
            PreviousClose = q.PreviousClose,
            Vwap = q.Vwap,
            LastTradeTime = q.LastTradeTime,
            Halted = q.Halted,
            MarketDataType = q.MarketDataType,
            OptionCallVolume = o.CallVolume,
            OptionPutVolume = o.PutVolume,
            OptionCallOpenInterest = o.CallOpenInterest,
            OptionPutOpenInterest = o.PutOpenInterest,
            AverageOptionVolume = o.AverageVolume,
            ImpliedVolatility = o.ImpliedVolatility,
            HistoricalVolatility = o.HistoricalVolatility,
            BidGreeks = o.BidGreeks,
            AskGreeks = o.AskGreeks,
            LastGreeks = o.LastGreeks,
            ModelGreeks = o.ModelGreeks,
            Low13Week = r.Low13Week,
            High13Week = r.High13Week,
            Low26Week = r.Low26Week,
            High26Week = r.High26Week,
            Low52Week = r.Low52Week,
            High52Week = r.High52Week,
            LastUpdate = lastUpdate,
            UpdateCount = updates,
            IsStale = stale,
        };

    // The writer is the socket reader alone. Opening the sequence is a full fence so no field store is seen
    // before the odd value; closing it only needs release order (every field store before the even value).
    private void Begin() => Interlocked.Increment(ref _sequence);

    private void End(long now)
    {
        if (now != 0)
        {
            Volatile.Write(ref _updateCount, _updateCount + 1);
            Volatile.Write(ref _lastUpdateTimestamp, now);
        }

        Volatile.Write(ref _sequence, _sequence + 1);
    }

    /// <summary>The option-only fields, kept apart so a level-1 read never copies them.</summary>
    private struct OptionFields
    {
        public decimal? CallVolume;
        public decimal? PutVolume;
        public decimal? CallOpenInterest;
        public decimal? PutOpenInterest;
        public decimal? AverageVolume;
        public double ImpliedVolatility;
        public double HistoricalVolatility;
        public OptionComputation BidGreeks;
        public OptionComputation AskGreeks;
        public OptionComputation LastGreeks;
        public OptionComputation ModelGreeks;

        public static OptionFields Empty => new() { ImpliedVolatility = double.NaN, HistoricalVolatility = double.NaN };
    }

    /// <summary>The 13/26/52-week ranges (generic tick 165), sent once per line, kept out of the level-1 quote.</summary>
    private struct RangeFields
    {
        public double Low13Week;
        public double High13Week;
        public double Low26Week;
        public double High26Week;
        public double Low52Week;
        public double High52Week;

        public static RangeFields Empty => new()
        {
            Low13Week = double.NaN,
            High13Week = double.NaN,
            Low26Week = double.NaN,
            High26Week = double.NaN,
            Low52Week = double.NaN,
            High52Week = double.NaN,
        };
    }
}
