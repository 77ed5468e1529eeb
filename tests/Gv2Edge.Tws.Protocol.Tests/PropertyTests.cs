using CsCheck;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol.Tests;

/// <summary>decode(encode(m)) == m for every server version our client accepts (157..187).</summary>
public class PropertyTests
{
    private static object Incoming(IWireMessage m, int v)
    {
        var r = new Recorder();
        IncomingDecoder.Decode(Wire.Encode(w => m.Encode(w, v)), v, r);
        return r.Last;
    }

    private static object Request(IWireMessage m, int v)
    {
        var r = new Recorder();
        RequestDecoder.Decode(Wire.Encode(w => m.Encode(w, v)), v, r);
        return r.Last;
    }

    private static void SameBytes(IWireMessage m, object back, int v)
        => Assert.Equal(Wire.Show(Wire.Encode(w => m.Encode(w, v))), Wire.Show(Wire.Encode(w => ((IWireMessage)back).Encode(w, v))));

    [Fact]
    public void Tick_messages_round_trip()
    {
        Gen.Select(Gens.Id, Gen.Int[0, 100], Gens.Price, Gens.Size, Gen.Int[0, 7], Gens.Version)
            .Sample((id, t, p, s, mask, v) => Assert.Equal(new TickPrice(id, t, p, s, mask), Incoming(new TickPrice(id, t, p, s, mask), v)));
        Gen.Select(Gens.Id, Gen.Int[0, 100], Gens.Size, Gens.Version)
            .Sample((id, t, s, v) => Assert.Equal(new TickSize(id, t, s), Incoming(new TickSize(id, t, s), v)));
        Gen.Select(Gens.Id, Gen.Int[0, 100], Gens.Price, Gens.Version)
            .Sample((id, t, x, v) => Assert.Equal(new TickGeneric(id, t, x), Incoming(new TickGeneric(id, t, x), v)));
        Gen.Select(Gens.TickString, Gens.Version).Sample((m, v) => Assert.Equal(m, Incoming(m, v)));
        Gen.Select(Gens.OptionComputation, Gens.Version).Sample((m, v) => Assert.Equal(m, Incoming(m, v)));
    }

    [Fact]
    public void Server_messages_round_trip()
    {
        Gen.Select(Gens.Id, Gen.Int[0, 30_000], Gens.AnyText, Gens.AnyText, Gens.Version)
            .Sample((id, code, msg, json, v) =>
            {
                var m = new ErrorMessage(id, code, msg, v >= ServerVersions.AdvancedOrderReject ? json : "");
                Assert.Equal(m, Incoming(m, v));
            });
        Gen.Select(Gens.Id, Gens.Text, Gens.Text, Gens.Bar.Array[0, 5], Gens.Version).Sample((id, s, e, bars, v) =>
        {
            var m = new HistoricalData(id, s, e, bars);
            var back = (HistoricalData)Incoming(m, v);
            Assert.Equal(bars, back.Bars);
            SameBytes(m, back, v);
        });
        Gen.Select(Gens.Id, Gens.Bar, Gens.Version).Sample((id, bar, v) => Assert.Equal(new HistoricalDataUpdate(id, bar), Incoming(new HistoricalDataUpdate(id, bar), v)));
        Gen.Select(Gens.Contract, Gens.Text, Gens.AnyText, Gens.Size, Gens.Version).Sample((c, market, longName, size, v) =>
        {
            var d = new ContractDetails
            {
                Contract = c with { IncludeExpired = false, SecIdType = "", SecId = "", IssuerId = "", PrimaryExchange = c.PrimaryExchange },
                MarketName = market,
                LongName = longName,
                MinSize = v >= ServerVersions.SizeRules ? size : null,
                Fund = v >= ServerVersions.FundDataFields && c.SecType == "FUND" ? new FundData { FundName = market } : null,
            };
            var m = new ContractData(1, d with { Contract = d.Contract with { LastTradeDateOrContractMonth = d.Contract.LastTradeDateOrContractMonth.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) } });
            var back = (ContractData)Incoming(m, v);
            Assert.Equal(m.Details.Contract, back.Details.Contract);
            SameBytes(m, back, v);
        });
    }

    [Fact]
    public void Requests_round_trip()
    {
        Gen.Select(Gens.Id, Gens.Contract, Gens.Text, Gen.Bool, Gen.Bool, Gens.Tags, Gens.Version).Sample((id, c, generic, snap, reg, tags, v) =>
        {
            var m = new ReqMktData(id, c with { IncludeExpired = false, SecIdType = "", SecId = "", IssuerId = "" }, generic, snap, reg) { MktDataOptions = tags };
            var back = (ReqMktData)Request(m, v);
            Assert.Equal(m, back with { MktDataOptions = m.MktDataOptions });
            Assert.Equal(tags, back.MktDataOptions);
        });
        Gen.Select(Gens.Id, Gens.Contract, Gens.Version).Sample((id, c, v) =>
        {
            var m = new ReqContractDetails(id, v >= ServerVersions.BondIssuerId ? c : c with { IssuerId = "" });
            Assert.Equal(m, Request(m, v));
        });
        Gen.Select(Gens.Id, Gens.Contract, Gens.Text, Gens.Text, Gen.Bool, Gen.Int[1, 2], Gen.Bool, Gens.Version).Sample((id, c, end, bar, rth, fmt, keep, v) =>
        {
            var m = new ReqHistoricalData(id, c with { SecIdType = "", SecId = "", IssuerId = "" }, end, bar, "1 D", rth, "TRADES", fmt, keep);
            Assert.Equal(m, Request(m, v));
        });
        Gen.Select(Gens.Id, Gens.Contract, Gens.Text, Gen.Int[0, 1000], Gen.Bool, Gens.Version).Sample((id, c, t, n, ignore, v) =>
        {
            var m = new ReqTickByTickData(id, c with { IncludeExpired = false, SecIdType = "", SecId = "", IssuerId = "" }, t, n, ignore);
            Assert.Equal(m, Request(m, v));
        });
        Gen.Select(Gens.Id, Gens.Contract, Gens.Text, Gen.Bool, Gen.Int[1, 2], Gens.Version).Sample((id, c, what, rth, fmt, v) =>
        {
            var m = new ReqHeadTimestamp(id, c with { SecIdType = "", SecId = "", IssuerId = "" }, what, rth, fmt);
            Assert.Equal(m, Request(m, v));
        });
        Gen.Select(Gens.Id, Gen.Int[-1, 100].Nullable(0.3), Gens.Price.Nullable(0.5), Gen.Int[0, 1_000_000].Nullable(0.5), Gens.Text, Gens.Tags, Gens.Tags, Gens.Version)
            .Sample((id, rows, above, vol, code, filters, options, v) =>
            {
                var s = new ScannerSubscription { NumberOfRows = rows, AbovePrice = above, AboveVolume = vol, ScanCode = code, MarketCapBelow = above };
                var m = new ReqScannerSubscription(id, s) { FilterOptions = filters, SubscriptionOptions = options };
                var back = (ReqScannerSubscription)Request(m, v);
                Assert.Equal(s, back.Subscription);
                Assert.Equal(filters, back.FilterOptions);
                Assert.Equal(options, back.SubscriptionOptions);
            });
    }
}
