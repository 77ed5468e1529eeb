using Gv2Edge.Market;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Tws.Simulator.Server;

internal sealed partial class SimConnection
{
    private static readonly long StockInterval = TimeSpan.TicksPerMillisecond * 250;
    private static readonly long OptionInterval = TimeSpan.TicksPerMillisecond * 100;

    /// <summary>Encodes what changed on one line since it was last sent (everything the first time).</summary>
    private void Emit(MarketDataSubscription sub, long now)
    {
        TimeProvider time = _server.Options.TimeProvider;
        long interval = sub.Option is null ? StockInterval : OptionInterval;
        sub.NextDue = now + (interval * time.TimestampFrequency / TimeSpan.TicksPerSecond);
        MarketModel model = _server.Model;
        DateTime et = model.Clock.NowEt;
        // Step the model before taking the writer: a stock's first request steps it from 04:00, which must not hold
        // up everything else this connection sends (load frames, other lines).
        lock (model.Gate)
        {
            _ = sub.Delayed ? model.Delayed(sub.Stock, et) : model.At(sub.Stock, et);
        }

        using Outbox.Scope scope = Outbox.Open();
        MessageWriter w = scope.Writer;
        int before = w.Length;
        lock (model.Gate)
        {
            StockModel stock = sub.Delayed ? model.Delayed(sub.Stock, et) : model.At(sub.Stock, et);
            bool closed = model.Calendar.SessionAt(sub.Delayed ? et.AddMinutes(-15) : et) == MarketSession.Closed;
            if (sub.Option is { } option)
            {
                EmitOption(w, sub, option, stock, et, closed);
            }
            else
            {
                EmitStock(w, sub, stock, closed);
            }
        }

        sub.StaticSent = true;
        if (w.Length > before)
        {
            scope.Count();
        }
    }

    private void EmitStock(MessageWriter w, MarketDataSubscription sub, StockModel s, bool closed)
    {
        int id = sub.ReqId;
        bool dark = closed && !sub.Frozen;
        double bid = dark ? -1 : s.Bid;
        double ask = dark ? -1 : s.Ask;
        long bidSize = dark ? 0 : s.BidSize;
        long askSize = dark ? 0 : s.AskSize;
        Quote(w, sub, 1, 0, bid, bidSize, ref sub.Bid, ref sub.BidSize);
        Quote(w, sub, 2, 3, ask, askSize, ref sub.Ask, ref sub.AskSize);
        if (s.LastTradeUnixMs != sub.LastTradeMs || !sub.StaticSent)
        {
            bool traded = sub.StaticSent && s.LastTradeUnixMs > 0;
            sub.LastTradeMs = s.LastTradeUnixMs;
            sub.Last = s.Last;
            Price(w, sub, 4, s.Last, s.LastSize, 0);
            Size(w, sub, 5, s.LastSize);
            if (s.LastTradeUnixMs > 0)
            {
                new TickString { ReqId = id, TickType = Ticks(sub, 45), Kind = TickStringKind.Timestamp, Time = s.LastTradeUnixMs / 1000 }
                    .Encode(w, ServerVersion);
            }

            if (traded && (sub.Generic & GenericTicks.RtVolume) != 0)
            {
                TickString.FromRtVolume(id, 48, s.Last, s.LastSize, s.LastTradeUnixMs, s.Volume, Math.Round(s.Vwap, 8), false)
                    .Encode(w, ServerVersion);
            }
        }

        if (s.Volume != sub.Volume)
        {
            sub.Volume = s.Volume;
            Size(w, sub, 8, s.Volume);
        }

        Level(w, sub, 6, s.High, ref sub.High);
        Level(w, sub, 7, s.Low, ref sub.Low);
        Level(w, sub, 9, s.PrevClose, ref sub.Close);
        Level(w, sub, 14, s.OpenTick, ref sub.Open);
        if (s.Halted != sub.Halted)
        {
            sub.Halted = s.Halted;
            new TickGeneric(id, Ticks(sub, 49), s.Halted).Encode(w, ServerVersion);
        }

        EmitGenerics(w, sub, s);
    }

    private void EmitGenerics(MessageWriter w, MarketDataSubscription sub, StockModel s)
    {
        int id = sub.ReqId;
        GenericTicks g = sub.Generic;
        StockInfo info = sub.Stock;
        OptionModel options = _server.Model.Options;
        if (!sub.StaticSent)
        {
            if ((g & GenericTicks.MiscStats) != 0)
            {
                (double lo13, double hi13, double lo26, double hi26, double lo52, double hi52) = _server.Model.History.Ranges(info);
                new TickPrice(id, 15, lo13, 0, 0).Encode(w, ServerVersion);
                new TickPrice(id, 16, hi13, 0, 0).Encode(w, ServerVersion);
                new TickPrice(id, 17, lo26, 0, 0).Encode(w, ServerVersion);
                new TickPrice(id, 18, hi26, 0, 0).Encode(w, ServerVersion);
                new TickPrice(id, 19, lo52, 0, 0).Encode(w, ServerVersion);
                new TickPrice(id, 20, hi52, 0, 0).Encode(w, ServerVersion);
                Size(w, sub, 21, info.AvgDailyVolume);
            }

            if ((g & GenericTicks.HistoricalVolatility) != 0)
            {
                new TickGeneric(id, 23, Math.Round(info.DailyVolatility * Math.Sqrt(252), 6)).Encode(w, ServerVersion);
            }

            if ((g & GenericTicks.ImpliedVolatility) != 0)
            {
                new TickGeneric(id, 24, Math.Round(OptionModel.UnderlyingImpliedVol(info), 6)).Encode(w, ServerVersion);
            }

            if ((g & GenericTicks.AverageOptionVolume) != 0)
            {
                new TickSize(id, 87, OptionModel.AverageOptionVolume(info)).Encode(w, ServerVersion);
            }

            if ((g & GenericTicks.OptionOpenInterest) != 0)
            {
                (long calls, long puts) = options.UnderlyingOpenInterest(info);
                new TickSize(id, 27, calls).Encode(w, ServerVersion);
                new TickSize(id, 28, puts).Encode(w, ServerVersion);
            }

            if ((g & GenericTicks.Shortable) != 0)
            {
                new TickGeneric(id, 46, info.MarketCap > 300_000_000 ? 3 : 2).Encode(w, ServerVersion);
                new TickSize(id, 89, info.Float / 50).Encode(w, ServerVersion);
            }

            if ((g & GenericTicks.Dividends) != 0)
            {
                new TickString { ReqId = id, TickType = 59, Kind = TickStringKind.Text, Text = info.MarketCap > 100_000_000_000 ? "0.96,1,20261212,0.25" : "0,0,," }
                    .Encode(w, ServerVersion);
            }

            if ((g & GenericTicks.RtHistoricalVolatility) != 0)
            {
                new TickGeneric(id, 58, Math.Round(info.DailyVolatility * Math.Sqrt(252) * 0.9, 6)).Encode(w, ServerVersion);
            }
        }

        if ((g & GenericTicks.OptionVolume) != 0 && info.HasOptions)
        {
            (long calls, long puts) = options.UnderlyingVolume(info, s, _server.Model.Clock.NowEt);
            if (calls != sub.CallVolume || puts != sub.PutVolume)
            {
                sub.CallVolume = calls;
                sub.PutVolume = puts;
                new TickSize(id, 29, calls).Encode(w, ServerVersion);
                new TickSize(id, 30, puts).Encode(w, ServerVersion);
            }
        }

        if ((g & (GenericTicks.TradeCount | GenericTicks.TradeRate | GenericTicks.VolumeRate)) != 0 && s.TradeCount != sub.TradeCount)
        {
            sub.TradeCount = s.TradeCount;
            double minutes = Math.Max(1, (_server.Model.Clock.NowEt - s.TradingDay.ToDateTime(new TimeOnly(4, 0))).TotalMinutes);
            if ((g & GenericTicks.TradeCount) != 0)
            {
                new TickGeneric(id, 54, s.TradeCount).Encode(w, ServerVersion);
            }

            if ((g & GenericTicks.TradeRate) != 0)
            {
                new TickGeneric(id, 55, Math.Round(s.TradeCount / minutes, 2)).Encode(w, ServerVersion);
            }

            if ((g & GenericTicks.VolumeRate) != 0)
            {
                new TickGeneric(id, 56, Math.Round(s.Volume / minutes, 2)).Encode(w, ServerVersion);
            }
        }

        if ((g & GenericTicks.LastRthTrade) != 0 && s.LastRthTrade != sub.LastRth)
        {
            sub.LastRth = s.LastRthTrade;
            new TickPrice(id, 57, s.LastRthTrade, 0, 0).Encode(w, ServerVersion);
        }
    }

    private void EmitOption(MessageWriter w, MarketDataSubscription sub, OptionContract option, StockModel s, DateTime et, bool closed)
    {
        OptionQuote q = _server.Model.Options.Quote(option, s, sub.Delayed ? et.AddMinutes(-15) : et);
        bool dark = closed && !sub.Frozen;
        Quote(w, sub, 1, 0, dark ? -1 : q.Bid, dark ? 0 : q.BidSize, ref sub.Bid, ref sub.BidSize);
        Quote(w, sub, 2, 3, dark ? -1 : q.Ask, dark ? 0 : q.AskSize, ref sub.Ask, ref sub.AskSize);
        if (q.Volume != sub.Volume)
        {
            sub.Volume = q.Volume;
            sub.Last = q.Last;
            if (q.Volume > 0)
            {
                Price(w, sub, 4, q.Last, q.LastSize, 0);
                Size(w, sub, 5, q.LastSize);
            }

            Size(w, sub, 8, q.Volume);
        }

        Level(w, sub, 9, q.PrevClose, ref sub.Close);
        if ((sub.Generic & GenericTicks.OptionOpenInterest) != 0 && q.OpenInterest != sub.OpenInterest)
        {
            sub.OpenInterest = q.OpenInterest;
            new TickSize(sub.ReqId, option.Right == OptionRight.Call ? 27 : 28, q.OpenInterest).Encode(w, ServerVersion);
        }

        if (q.Underlying != sub.Underlying && q.Greeks is { } g && _server.Options.SendOptionGreeks)
        {
            sub.Underlying = q.Underlying;
            Computation(w, sub, 10, q.BidIv, g, dark ? null : q.Bid, q.Underlying);
            Computation(w, sub, 11, q.AskIv, g, dark ? null : q.Ask, q.Underlying);
            Computation(w, sub, 12, q.ImpliedVol, g, q.Volume > 0 ? q.Last : null, q.Underlying);
            Computation(w, sub, 13, q.ImpliedVol, g, g.Price, q.Underlying);
        }
    }

    private void Computation(MessageWriter w, MarketDataSubscription sub, int type, double? iv, OptionGreeks g, double? price, double underlying)
        => new TickOptionComputation(sub.ReqId, Ticks(sub, type), 0, iv is { } v ? Math.Round(v, 6) : null, Math.Round(g.Delta, 6),
            price is { } p ? Math.Round(p, 4) : null, 0, Math.Round(g.Gamma, 6), Math.Round(g.VegaPerPoint, 6), Math.Round(g.ThetaPerDay, 6),
            Math.Round(underlying, 4)).Encode(w, ServerVersion);

    private void Quote(MessageWriter w, MarketDataSubscription sub, int priceType, int sizeType, double price, long size, ref double sentPrice, ref long sentSize)
    {
        if (price != sentPrice)
        {
            sentPrice = price;
            sentSize = size;
            Price(w, sub, priceType, price, size, price > 0 ? 1 : 0);
            Size(w, sub, sizeType, size);
        }
        else if (size != sentSize)
        {
            sentSize = size;
            Size(w, sub, sizeType, size);
        }
    }

    private void Level(MessageWriter w, MarketDataSubscription sub, int type, double value, ref double sent)
    {
        if (double.IsNaN(value) || value == sent)
        {
            return;
        }

        sent = value;
        Price(w, sub, type, value, 0, 0);
    }

    private void Price(MessageWriter w, MarketDataSubscription sub, int type, double price, long size, int mask)
        => new TickPrice(sub.ReqId, Ticks(sub, type), price, Wire(sub, type is 1 or 2 or 4, size), mask).Encode(w, ServerVersion);

    private void Size(MessageWriter w, MarketDataSubscription sub, int type, long size)
        => new TickSize(sub.ReqId, Ticks(sub, type), Wire(sub, type is 0 or 3 or 5 or 8 or 21, size)).Encode(w, ServerVersion);

    /// <summary>
    /// A stock's bid, ask, last and volume sizes as IB put them on the wire: in shares from server version 159
    /// (MARKET_DATA_IN_SHARES), in lots of 100 before (a nonzero size is at least one lot).
    /// </summary>
    private long Wire(MarketDataSubscription sub, bool lotSized, long shares)
        => !lotSized || sub.Option is not null || ServerVersion >= ServerVersions.MarketDataInShares || shares <= 0
            ? shares
            : Math.Max(1, (long)Math.Round(shares / 100.0, MidpointRounding.AwayFromZero));

    /// <summary>IB's delayed tick ids (66+) when the line is delayed.</summary>
    private static int Ticks(MarketDataSubscription sub, int live) => !sub.Delayed ? live : live switch
    {
        1 => 66,
        2 => 67,
        4 => 68,
        0 => 69,
        3 => 70,
        5 => 71,
        6 => 72,
        7 => 73,
        8 => 74,
        9 => 75,
        14 => 76,
        10 => 80,
        11 => 81,
        12 => 82,
        13 => 83,
        45 => 88,
        49 => 90,
        _ => live,
    };

    private static bool TryParseGenericTicks(string list, bool option, out GenericTicks ticks, out string? error)
    {
        ticks = GenericTicks.None;
        error = null;
        foreach (string part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            GenericTicks t = part switch
            {
                "100" => GenericTicks.OptionVolume,
                "101" => GenericTicks.OptionOpenInterest,
                "104" => GenericTicks.HistoricalVolatility,
                "105" => GenericTicks.AverageOptionVolume,
                "106" => GenericTicks.ImpliedVolatility,
                "165" => GenericTicks.MiscStats,
                "233" => GenericTicks.RtVolume,
                "236" => GenericTicks.Shortable,
                "293" => GenericTicks.TradeCount,
                "294" => GenericTicks.TradeRate,
                "295" => GenericTicks.VolumeRate,
                "318" => GenericTicks.LastRthTrade,
                "411" => GenericTicks.RtHistoricalVolatility,
                "456" => GenericTicks.Dividends,
                _ => (GenericTicks)(-1),
            };
            if ((int)t == -1)
            {
                error = $"Error validating request.-'bN' : cause - Incorrect generic tick list of {list}.  Legal ones for ({(option ? "OPT" : "STK")}) are: "
                    + "100(Option Volume),101(Option Open Interest),104(Historical Volatility),105(Average Opt Volume),106(impvolat),"
                    + "165(Misc. Stats),233(RTVolume),236(inventory),293(TradeCount),294(TradeRate),295(VolumeRate),318(LastRTHTrade),"
                    + "411(rthistvol),456(IBDividends)";
                return false;
            }

            ticks |= t;
        }

        return true;
    }
}
