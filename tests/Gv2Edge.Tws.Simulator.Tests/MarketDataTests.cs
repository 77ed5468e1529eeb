using Gv2Edge.TestKit;
using Gv2Edge.Tws.Protocol.Messages;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

public sealed class MarketDataTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    private static Task Request(SimClient c, int id, Contract contract, string generic = "", bool snapshot = false)
        => c.SendAsync((w, v) => new ReqMktData(id, contract, generic, snapshot).Encode(w, v));

    [Fact]
    public async Task ReqMktData_answers_tickReqParams_then_marketDataType_1_then_the_default_ticks()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        c.Clear();

        await Request(c, 11, Aapl);
        await c.WaitForAsync<TickPrice>("the open tick", t => t.TickType == 14);

        object[] head = [.. c.Messages.Take(2)];
        Assert.Equal(new TickReqParams(11, 0.01, "9c0001", 3), head[0]);
        Assert.Equal(new MarketDataTypeMessage(11, 1), head[1]);
        int[] prices = [.. c.All<TickPrice>().Select(t => t.TickType)];
        int[] sizes = [.. c.All<TickSize>().Select(t => t.TickType)];
        Assert.Equal([1, 2, 4, 6, 7, 9, 14], prices);
        Assert.Equal([0, 3, 5, 8], sizes);
        TickPrice bid = c.All<TickPrice>(t => t.TickType == 1)[0];
        TickPrice ask = c.All<TickPrice>(t => t.TickType == 2)[0];
        Assert.True(bid.Price > 0 && ask.Price > bid.Price, $"bid {bid.Price} ask {ask.Price}");
        Assert.Equal(1, bid.AttrMask);
        Assert.True(c.Has<TickString>(t => t.TickType == 45 && t.Time > 0));
        Assert.True(c.Has<TickGeneric>(t => t.TickType == 49 && t.Value == 0));
    }

    [Theory]
    [InlineData("STK", 250)]
    [InlineData("OPT", 100)]
    public async Task Updates_of_one_line_are_never_closer_than_IBs_coalescing_interval(string secType, int intervalMs)
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        Contract contract = secType == "STK" ? Aapl : await FirstAaplCallAsync(c);
        await Request(c, 1, contract);
        await c.WaitForAsync<TickPrice>("the first ticks", t => t.TickType == 9);
        // The pump runs inside Advance on this thread and queues frames synchronously: count them at each step.
        Server.Outbox outbox = sim.Connections[0].Outbox;
        var updates = new List<int>();
        long seen = outbox.FramesQueued;
        for (int ms = 10; ms <= 3000; ms += 10)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            if (outbox.FramesQueued > seen)
            {
                updates.Add(ms);
                seen = outbox.FramesQueued;
            }
        }

        Assert.NotEmpty(updates);
        Assert.All(updates.Zip(updates.Skip(1)), p => Assert.True(p.Second - p.First >= intervalMs, $"updates at {p.First} and {p.Second} ms"));
    }

    internal static async Task<Contract> FirstAaplCallAsync(SimClient c)
    {
        await c.SendAsync((w, v) => new ReqSecDefOptParams(77, "AAPL", "", "STK", 265598).Encode(w, v));
        SecurityDefinitionOptionParameter p = await c.WaitForAsync<SecurityDefinitionOptionParameter>("the chain");
        double strike = p.Strikes.First(s => s > 229.9);
        return new Contract { Symbol = "AAPL", SecType = "OPT", LastTradeDateOrContractMonth = p.Expirations[0], Strike = strike, Right = "C", Exchange = "SMART", Currency = "USD" };
    }

    [Fact]
    public async Task Snapshot_sends_current_values_then_tickSnapshotEnd_after_11_seconds()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await Request(c, 3, Aapl, snapshot: true);
        await c.WaitForAsync<TickPrice>("snapshot values", t => t.TickType == 9);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(c.Has<TickSnapshotEnd>());
        time.Advance(TimeSpan.FromSeconds(1.1));

        await c.WaitForAsync<TickSnapshotEnd>("tickSnapshotEnd", e => e.ReqId == 3);
    }

    [Fact]
    public async Task Snapshot_with_generic_ticks_is_refused_with_414()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);

        await Request(c, 4, Aapl, generic: "233", snapshot: true);

        ErrorMessage e = await c.WaitForAsync<ErrorMessage>("error 414", m => m.Id == 4);
        Assert.Equal(414, e.Code);
    }

    [Fact]
    public async Task Unknown_symbol_gets_error_200()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);

        await Request(c, 5, Aapl with { Symbol = "ZZZZQ" });

        ErrorMessage e = await c.WaitForAsync<ErrorMessage>("error 200", m => m.Id == 5);
        Assert.Equal((200, "No security definition has been found for the request"), (e.Code, e.Message));
        Assert.False(c.Has<TickPrice>());
    }

    [Fact]
    public async Task Duplicate_ticker_id_gets_error_102()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await Request(c, 6, Aapl);

        await Request(c, 6, Aapl with { Symbol = "NVDA" });

        ErrorMessage e = await c.WaitForAsync<ErrorMessage>("error 102", m => m.Id == 6);
        Assert.Equal(102, e.Code);
    }

    [Fact]
    public async Task Lines_beyond_the_budget_get_error_101_counted_over_all_clients()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, configure: o => o with { Lines = 2 });
        await using SimClient a = await SimClient.ConnectInMemoryAsync(sim, clientId: 1);
        await using SimClient b = await SimClient.ConnectInMemoryAsync(sim, clientId: 2);
        await Request(a, 1, Aapl);
        await Request(b, 1, Aapl with { Symbol = "AMD" });
        await b.WaitForAsync<MarketDataTypeMessage>("second line open");

        await Request(b, 2, Aapl with { Symbol = "TSLA" });

        ErrorMessage e = await b.WaitForAsync<ErrorMessage>("error 101", m => m.Id == 2);
        Assert.Equal((101, "Max number of tickers has been reached"), (e.Code, e.Message));
    }

    [Fact]
    public async Task Cancel_stops_the_stream_and_unknown_cancel_gets_300()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await Request(c, 8, Aapl);
        await c.WaitForAsync<TickPrice>("ticks", t => t.TickType == 14);

        await c.SendAsync((w, v) => new CancelMktData(8).Encode(w, v));
        await c.SendAsync((w, v) => new CancelMktData(99).Encode(w, v));
        await c.WaitForAsync<ErrorMessage>("error 300", m => m.Id == 99 && m.Code == 300);
        int frames = c.Frames.Count;
        time.Advance(TimeSpan.FromSeconds(5));
        await c.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        await c.WaitForAsync<CurrentTime>("a marker after the advance");

        Assert.Equal(frames + 1, c.Frames.Count);
    }

    [Theory]
    [InlineData(1, true, 10089)]
    [InlineData(1, false, 354)]
    [InlineData(3, false, 10168)]
    public async Task Not_subscribed_symbols_are_refused_with_IBs_codes(int dataType, bool delayedEnabled, int code)
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, configure: o => o with { UnsubscribedSymbols = ["AMD"], DelayedDataEnabled = delayedEnabled });
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await c.SendAsync((w, v) => new ReqMarketDataType(dataType).Encode(w, v));

        await Request(c, 9, Aapl with { Symbol = "AMD" });

        ErrorMessage e = await c.WaitForAsync<ErrorMessage>($"error {code}", m => m.Id == 9);
        Assert.Equal(code, e.Code);
        Assert.False(c.Has<TickPrice>());
    }

    [Fact]
    public async Task Delayed_data_for_a_not_subscribed_symbol_comes_after_10167_with_delayed_tick_ids()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, configure: o => o with { UnsubscribedSymbols = ["AMD"] });
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await c.SendAsync((w, v) => new ReqMarketDataType(3).Encode(w, v));

        await Request(c, 10, Aapl with { Symbol = "AMD" });

        await c.WaitForAsync<TickPrice>("delayed open", t => t.TickType == 76);
        Assert.Equal(10167, c.All<ErrorMessage>(m => m.Id == 10)[0].Code);
        Assert.Equal(3, c.All<MarketDataTypeMessage>()[0].MarketDataType);
        Assert.Equal([66, 67, 68, 72, 73, 75, 76], c.All<TickPrice>().Select(t => t.TickType));
    }

    [Fact]
    public async Task Generic_ticks_deliver_their_tick_types()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);

        await Request(c, 12, Aapl, "100,101,104,105,106,165,233,236,293,294,295,318,411,456");
        await c.WaitForAsync<TickPrice>("the first ticks", t => t.TickType == 14);
        for (int i = 0; i < 60; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        await c.WaitForAsync<TickString>("RTVolume", t => t.TickType == 48);
        var types = new HashSet<int>(c.All<TickPrice>().Select(t => t.TickType)
            .Concat(c.All<TickSize>().Select(t => t.TickType))
            .Concat(c.All<TickGeneric>().Select(t => t.TickType))
            .Concat(c.All<TickString>().Select(t => t.TickType)));
        int[] expected = [15, 16, 17, 18, 19, 20, 21, 23, 24, 27, 28, 29, 30, 46, 48, 54, 55, 56, 57, 58, 59, 87, 89];
        Assert.All(expected, t => Assert.Contains(t, types));
        TickString rt = c.All<TickString>(t => t.TickType == 48)[0];
        Assert.True(rt.Price > 0 && rt.Size > 0 && rt.TotalVolume > 0 && rt.Vwap > 0);
    }

    [Fact]
    public async Task Unknown_generic_tick_gets_321()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);

        await Request(c, 13, Aapl, "233,999");

        ErrorMessage e = await c.WaitForAsync<ErrorMessage>("error 321", m => m.Id == 13);
        Assert.Equal(321, e.Code);
        Assert.Contains("999", e.Message);
    }
}
