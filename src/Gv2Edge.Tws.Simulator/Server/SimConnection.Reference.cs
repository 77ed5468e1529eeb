using System.Globalization;
using System.Text;
using Gv2Edge.Market;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Tws.Simulator.Server;

internal sealed partial class SimConnection
{
    private const string StockOrderTypes = "ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AVGCOST,BASKET,COND,CONDORDER,DAY,DEACT,GAT,GTC,GTD,IOC,LIT,LMT,MIT,MKT,MOC,MOO,NONALGO,OCA,PEGMID,REL,SCALE,STP,STPLMT,TRAIL,TRAILLIT,TRAILLMT,WHATIF";
    private const string OptionOrderTypes = "ACTIVETIM,AD,ADJUST,ALERT,ALLOC,AVGCOST,BASKET,COND,CONDORDER,DAY,DEACT,GAT,GTC,GTD,IOC,LMT,MKT,NONALGO,OCA,REL,STP,STPLMT,TRAIL,WHATIF";

    /// <summary>contractDetails: one contractData per match (SMART routing), then contractDataEnd; nothing matches → 200.</summary>
    public void OnReqContractDetails(ReqContractDetails m)
    {
        List<ContractDetails> found = Lookup(m.Contract);
        if (found.Count == 0)
        {
            SendError(m.ReqId, IbError.NoSecurityDefinition, IbError.NoSecurityText);
            return;
        }

        using Outbox.Scope scope = Outbox.Open();
        foreach (ContractDetails d in found)
        {
            new ContractData(m.ReqId, d).Encode(scope.Writer, ServerVersion);
        }

        new ContractDataEnd(m.ReqId).Encode(scope.Writer, ServerVersion);
        scope.Count(found.Count + 1);
    }

    /// <summary>secDefOptParams: the chain once per exchange (SMART and CBOE), then the end marker (alone when there are no options).</summary>
    public void OnReqSecDefOptParams(ReqSecDefOptParams m)
    {
        MarketModel model = _server.Model;
        StockInfo? stock = m.UnderlyingConId > 0 ? model.Universe.Find(m.UnderlyingConId) : model.Universe.Find(m.UnderlyingSymbol);
        OptionChain? chain = stock is null || m.FutFopExchange.Length > 0 ? null : model.Options.Chain(stock);
        using Outbox.Scope scope = Outbox.Open();
        if (chain is not null)
        {
            string[] expirations = [.. chain.Expirations.Select(e => e.ToString("yyyyMMdd", CultureInfo.InvariantCulture))];
            foreach (string exchange in (string[])["SMART", "CBOE"])
            {
                new SecurityDefinitionOptionParameter(m.ReqId, exchange, chain.Underlying.ConId, chain.Underlying.Symbol, "100",
                    expirations, chain.Strikes).Encode(scope.Writer, ServerVersion);
            }
        }

        new SecurityDefinitionOptionParameterEnd(m.ReqId).Encode(scope.Writer, ServerVersion);
        scope.Count();
    }

    private List<ContractDetails> Lookup(Contract c)
    {
        var result = new List<ContractDetails>();
        if (c.Currency.Length > 0 && !c.Currency.Equals("USD", StringComparison.OrdinalIgnoreCase))
        {
            return result;
        }

        MarketModel model = _server.Model;
        string secType = c.SecType.ToUpperInvariant();
        if (secType is "STK" or "")
        {
            StockInfo? s = c.ConId > 0 ? model.Universe.Find(c.ConId) : model.Universe.Find(c.Symbol);
            if (s is not null && (c.Symbol.Length == 0 || c.Symbol.Equals(s.Symbol, StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(StockDetails(s));
            }
        }
        else if (secType == "OPT")
        {
            if (c.ConId > 0)
            {
                if (model.Options.Find(c.ConId) is { } o)
                {
                    result.Add(OptionDetails(o));
                }

                return result;
            }

            StockInfo? s = model.Universe.Find(c.Symbol);
            OptionChain? chain = s is null ? null : model.Options.Chain(s);
            OptionRight? right = ParseRight(c.Right);
            foreach (OptionContract o in chain?.Contracts ?? [])
            {
                if ((c.LastTradeDateOrContractMonth.Length == 0 || o.ExpiryText.StartsWith(c.LastTradeDateOrContractMonth, StringComparison.Ordinal))
                    && (c.Strike is not { } k || Math.Abs(k - o.Strike) < 1e-6)
                    && (right is null || right == o.Right))
                {
                    result.Add(OptionDetails(o));
                }
            }
        }

        return result;
    }

    private ContractDetails StockDetails(StockInfo s)
    {
        bool nasdaq = s.PrimaryExchange == "NASDAQ";
        return new ContractDetails
        {
            Contract = new Contract
            {
                ConId = s.ConId,
                Symbol = s.Symbol,
                SecType = "STK",
                Exchange = "SMART",
                PrimaryExchange = s.PrimaryExchange,
                Currency = "USD",
                LocalSymbol = s.Symbol,
                TradingClass = nasdaq ? "NMS" : s.Symbol,
            },
            MarketName = nasdaq ? "NMS" : s.Symbol,
            MinTick = s.MinTick,
            OrderTypes = StockOrderTypes,
            ValidExchanges = "SMART,AMEX,NYSE,CBOE,PHLX,ISE,CHX,ARCA,NASDAQ,DRCTEDGE,BEX,BATS,EDGEA,BYX,IEX,EDGX,LTSE,MEMX,PEARL,PSX,TPLUS1",
            PriceMagnifier = 1,
            LongName = s.Name.ToUpperInvariant(),
            Industry = "Simulated",
            Category = "Simulated",
            Subcategory = "Simulated",
            TimeZoneId = "US/Eastern",
            TradingHours = Hours(extended: true),
            LiquidHours = Hours(extended: false),
            AggGroup = 1,
            MarketRuleIds = "26",
            StockType = s.PrimaryExchange == "ARCA" || s.Name.Contains("ETF", StringComparison.Ordinal) ? "ETF" : "COMMON",
            MinSize = 0.0001m,
            SizeIncrement = 0.0001m,
            SuggestedSizeIncrement = 100,
        };
    }

    private ContractDetails OptionDetails(OptionContract o) => new()
    {
        Contract = new Contract
        {
            ConId = o.ConId,
            Symbol = o.Underlying.Symbol,
            SecType = "OPT",
            LastTradeDateOrContractMonth = o.ExpiryText,
            Strike = o.Strike,
            Right = o.RightText,
            Multiplier = "100",
            Exchange = "SMART",
            Currency = "USD",
            LocalSymbol = o.LocalSymbol,
            TradingClass = o.Underlying.Symbol,
        },
        LastTradeTime = "16:00:00",
        MarketName = o.Underlying.Symbol,
        MinTick = 0.01,
        OrderTypes = OptionOrderTypes,
        ValidExchanges = "SMART,AMEX,CBOE,PHLX,PSE,ISE,BOX,BATS,NASDAQOM,CBOE2,NASDAQBX,MIAX,GEMINI,EDGX,MERCURY,PEARL,EMERALD,MEMX",
        PriceMagnifier = 1,
        UnderConId = o.Underlying.ConId,
        LongName = o.Underlying.Name.ToUpperInvariant(),
        ContractMonth = o.ExpiryText[..6],
        TimeZoneId = "US/Eastern",
        TradingHours = Hours(extended: false),
        LiquidHours = Hours(extended: false),
        AggGroup = 2,
        UnderSymbol = o.Underlying.Symbol,
        UnderSecType = "STK",
        MarketRuleIds = "32",
        RealExpirationDate = o.ExpiryText,
        MinSize = 1,
        SizeIncrement = 1,
        SuggestedSizeIncrement = 1,
    };

    /// <summary>IB's hours string for the next 7 days: <c>yyyyMMdd:HHmm-yyyyMMdd:HHmm;…</c>, <c>yyyyMMdd:CLOSED</c> on closed days.</summary>
    private string Hours(bool extended)
    {
        ITradingCalendar cal = _server.Model.Calendar;
        DateOnly day = DateOnly.FromDateTime(_server.Clock.NowEt);
        var sb = new StringBuilder();
        for (int i = 0; i < 7; i++, day = day.AddDays(1))
        {
            if (sb.Length > 0)
            {
                sb.Append(';');
            }

            string d = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            if (!cal.IsTradingDay(day))
            {
                sb.Append(d).Append(":CLOSED");
                continue;
            }

            TimeOnly close = cal.RthClose(day);
            TimeOnly start = extended ? new TimeOnly(4, 0) : new TimeOnly(9, 30);
            TimeOnly end = extended ? close.AddHours(4) : close;
            sb.Append(d).Append(':').Append(start.ToString("HHmm", CultureInfo.InvariantCulture))
              .Append('-').Append(d).Append(':').Append(end.ToString("HHmm", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
