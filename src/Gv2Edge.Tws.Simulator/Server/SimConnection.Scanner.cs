using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Tws.Simulator.Server;

internal sealed partial class SimConnection
{
    /// <summary>IB: "only 10 API scans can be active at a time".</summary>
    public const int MaxScanners = 10;

    /// <summary>IB: at most 50 results per scan code.</summary>
    public const int MaxScannerRows = 50;

    private static readonly string[] ScanCodes = ["TOP_PERC_GAIN", "TOP_PERC_LOSE", "HOT_BY_VOLUME", "MOST_ACTIVE", "HIGH_OPEN_GAP"];
    private readonly Dictionary<int, (ReqScannerSubscription Request, long NextDue)> _scanners = [];

    /// <summary>Scanner: a complete ranked result set at once, then a fresh one every 30 s until cancelled.</summary>
    public void OnReqScannerSubscription(ReqScannerSubscription m)
    {
        if (!ScanCodes.Contains(m.Subscription.ScanCode))
        {
            SendError(m.ReqId, IbError.ServerErrorValidating,
                $"Error validating request.-'bd' : cause - Invalid scan code \"{m.Subscription.ScanCode}\"; the simulator serves {string.Join(", ", ScanCodes)}.");
            return;
        }

        lock (_subscriptionsGate)
        {
            if (_scanners.ContainsKey(m.ReqId))
            {
                SendError(m.ReqId, IbError.DuplicateTickerId, IbError.DuplicateTickerIdText);
                return;
            }

            if (_scanners.Count >= MaxScanners)
            {
                SendError(m.ReqId, IbError.ServerErrorProcessing, IbError.ScannerLimitText);
                return;
            }

            _scanners[m.ReqId] = (m, _server.Options.TimeProvider.GetTimestamp() + (30 * _server.Options.TimeProvider.TimestampFrequency));
        }

        Send(new ScannerData(m.ReqId, Scan(m.Subscription)));
    }

    public void OnCancelScannerSubscription(CancelScannerSubscription m)
    {
        lock (_subscriptionsGate)
        {
            _scanners.Remove(m.ReqId);
        }
    }

    private void PumpScanners(long now)
    {
        List<ReqScannerSubscription> due = [];
        lock (_subscriptionsGate)
        {
            foreach ((int id, (ReqScannerSubscription request, long next)) in _scanners.ToArray())
            {
                if (now >= next)
                {
                    due.Add(request);
                    _scanners[id] = (request, now + (30 * _server.Options.TimeProvider.TimestampFrequency));
                }
            }
        }

        foreach (ReqScannerSubscription r in due)
        {
            Send(new ScannerData(r.ReqId, Scan(r.Subscription)));
        }
    }

    /// <summary>Ranks the universe now. Rows are a complete, replacing set with ranks from 0 (what ib_async expects).</summary>
    private List<ScannerDataRow> Scan(ScannerSubscription s)
    {
        MarketModel model = _server.Model;
        DateTime now = model.Clock.NowEt;
        int minute = (now.Hour * 60) + now.Minute;
        double curve = Math.Max(0.001, VolumeCurve.Cumulative(minute));
        var candidates = new List<(StockInfo Stock, double Score)>();
        lock (model.Gate)
        {
            model.AdvanceAll(now);
            foreach (StockInfo info in model.Universe.Stocks)
            {
                StockModel st = model.At(info, now);
                if ((s.AbovePrice is { } ap && st.Last <= ap) || (s.BelowPrice is { } bp && st.Last >= bp)
                    || (s.AboveVolume is { } av && st.Volume <= av)
                    || (s.MarketCapAbove is { } ma && info.MarketCap <= ma * 1_000_000) || (s.MarketCapBelow is { } mb && info.MarketCap >= mb * 1_000_000))
                {
                    continue;
                }

                double change = (st.Last / st.PrevClose) - 1;
                double? score = s.ScanCode switch
                {
                    "TOP_PERC_GAIN" => change > 0 ? change : null,
                    "TOP_PERC_LOSE" => change < 0 ? -change : null,
                    "HOT_BY_VOLUME" => st.Volume > 0 ? st.Volume / (info.AvgDailyVolume * curve) : null,
                    "MOST_ACTIVE" => st.Volume > 0 ? st.Volume : null,
                    _ => st.DayOpen is { } open ? Math.Abs((open / st.PrevClose) - 1) : null,
                };
                if (score is { } value)
                {
                    candidates.Add((info, value));
                }
            }
        }

        int limit = s.NumberOfRows is { } n and > 0 ? Math.Min(n, MaxScannerRows) : MaxScannerRows;
        return [.. candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Stock.Symbol, StringComparer.Ordinal).Take(limit)
            .Select((c, rank) => new ScannerDataRow
            {
                Rank = rank,
                Contract = new Contract
                {
                    ConId = c.Stock.ConId,
                    Symbol = c.Stock.Symbol,
                    SecType = "STK",
                    Exchange = "SMART",
                    Currency = "USD",
                    LocalSymbol = c.Stock.Symbol,
                    TradingClass = c.Stock.PrimaryExchange == "NASDAQ" ? "NMS" : c.Stock.Symbol,
                },
                MarketName = c.Stock.PrimaryExchange == "NASDAQ" ? "NMS" : c.Stock.Symbol,
            })];
    }
}
