using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.MarketData;

/// <summary>
/// The level-1 state of one subscription, exactly as IB last said it, updated in place by the socket reader (its
/// only writer) with no allocation per tick. Read it with <see cref="Snapshot"/>, which returns a consistent copy even while the
/// reader is writing (a sequence lock: the reader never waits for you).
/// </summary>
public sealed class Ticker
{
    private readonly ClockAnchor _clock;
    private int _sequence;
    private TickerSnapshot _state;
    private long _lastUpdateTimestamp;
    private int _stale;

    internal Ticker(ClockAnchor clock)
    {
        _clock = clock;
        _state = Empty;
    }

    private static TickerSnapshot Empty => new()
    {
        Bid = double.NaN,
        Ask = double.NaN,
        Last = double.NaN,
        High = double.NaN,
        Low = double.NaN,
        Open = double.NaN,
        PreviousClose = double.NaN,
        Vwap = double.NaN,
        Halted = double.NaN,
        ImpliedVolatility = double.NaN,
        HistoricalVolatility = double.NaN,
    };

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the last change; 0 before any.</summary>
    public long LastUpdateTimestamp => Volatile.Read(ref _lastUpdateTimestamp);

    /// <summary>A consistent copy of every field.</summary>
    public TickerSnapshot Snapshot()
    {
        var spinner = default(SpinWait);
        while (true)
        {
            int before = Volatile.Read(ref _sequence);
            if ((before & 1) == 0)
            {
                TickerSnapshot copy = _state;
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _sequence) == before)
                {
                    long ts = Volatile.Read(ref _lastUpdateTimestamp);
                    return copy with { LastUpdate = ts == 0 ? null : _clock.ToUtc(ts), IsStale = IsStale };
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
            case 1 or 66: _state = _state with { Bid = price, BidSize = Size(m.Size, sharesFromLots) ?? _state.BidSize }; break;
            case 2 or 67: _state = _state with { Ask = price, AskSize = Size(m.Size, sharesFromLots) ?? _state.AskSize }; break;
            case 4 or 68: _state = _state with { Last = price, LastSize = Size(m.Size, sharesFromLots) ?? _state.LastSize }; break;
            case 6 or 72: _state = _state with { High = price }; break;
            case 7 or 73: _state = _state with { Low = price }; break;
            case 9 or 75: _state = _state with { PreviousClose = price }; break;
            case 14 or 76: _state = _state with { Open = price }; break;
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
            case 0 or 69: _state = _state with { BidSize = Size(size, sharesFromLots) }; break;
            case 3 or 70: _state = _state with { AskSize = Size(size, sharesFromLots) }; break;
            case 5 or 71: _state = _state with { LastSize = Size(size, sharesFromLots) }; break;
            case 8 or 74: _state = _state with { Volume = Size(size, sharesFromLots) }; break;
            case 27: _state = _state with { OptionCallOpenInterest = size }; break;
            case 28: _state = _state with { OptionPutOpenInterest = size }; break;
            case 29: _state = _state with { OptionCallVolume = size }; break;
            case 30: _state = _state with { OptionPutVolume = size }; break;
            case 87: _state = _state with { AverageOptionVolume = size }; break;
            default: break;
        }

        End(now);
    }

    internal void ApplyString(in TickString m, long now)
    {
        Begin();
        if (m.Kind == TickStringKind.RtVolume)
        {
            TickerSnapshot s = _state;
            _state = s with
            {
                Last = m.Price ?? s.Last,
                LastSize = m.Size ?? s.LastSize,
                Volume = m.TotalVolume ?? s.Volume,
                Vwap = m.Vwap ?? s.Vwap,
                LastTradeTime = m.Time > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(m.Time) : s.LastTradeTime,
            };
        }
        else if (m.Kind == TickStringKind.Timestamp && m.Time > 0)
        {
            _state = _state with { LastTradeTime = DateTimeOffset.FromUnixTimeSeconds(m.Time) };
        }

        End(now);
    }

    internal void ApplyGeneric(in TickGeneric m, long now)
    {
        Begin();
        switch (m.TickType)
        {
            case 23: _state = _state with { HistoricalVolatility = m.Value }; break;
            case 24: _state = _state with { ImpliedVolatility = m.Value }; break;
            case 49 or 90: _state = _state with { Halted = m.Value }; break;
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
            case 10 or 80: _state = _state with { BidGreeks = c }; break;
            case 11 or 81: _state = _state with { AskGreeks = c }; break;
            case 12 or 82: _state = _state with { LastGreeks = c }; break;
            case 13 or 83: _state = _state with { ModelGreeks = c }; break;
            default: break;
        }

        End(now);
    }

    internal void SetMarketDataType(MarketDataType type)
    {
        Begin();
        _state = _state with { MarketDataType = type };
        End(0);
    }

    /// <summary>Set from any thread (liveness timer, error handling); kept out of the sequence-locked state.</summary>
    internal bool SetStale(bool stale) => Interlocked.Exchange(ref _stale, stale ? 1 : 0) != (stale ? 1 : 0);

    internal bool IsStale => Volatile.Read(ref _stale) == 1;

    private static decimal? Size(decimal? size, bool sharesFromLots)
        => sharesFromLots && size is { } s ? s * 100 : size;

    private void Begin() => Interlocked.Increment(ref _sequence);

    private void End(long now)
    {
        if (now != 0)
        {
            _state = _state with { UpdateCount = _state.UpdateCount + 1 };
            Volatile.Write(ref _lastUpdateTimestamp, now);
        }

        Interlocked.Increment(ref _sequence);
    }
}
