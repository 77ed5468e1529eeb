using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Tests.Client;

public class RequestTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    [Fact]
    public async Task Contract_details_collect_every_answer_until_the_end_marker()
    {
        await using var h = new ClientHarness();
        await h.ConnectAsync();
        Task<IReadOnlyList<ContractDetails>> call = h.Client.GetContractDetailsAsync(Aapl);
        await h.PumpUntilAsync("request sent", () => h.Gateway.RequestsOf<ReqContractDetails>().Count == 1);
        int id = h.Gateway.RequestsOf<ReqContractDetails>()[0].ReqId;
        h.Gateway.Send(new ContractData(id, new ContractDetails { Contract = Aapl with { ConId = 265598, PrimaryExchange = "NASDAQ" }, LongName = "APPLE INC" }));
        h.Gateway.Send(new ContractDataEnd(id));

        IReadOnlyList<ContractDetails> details = await TestKit.Wait.ForAsync("details", call);
        Assert.Equal(265598, Assert.Single(details).Contract.ConId);
    }

    [Fact]
    public async Task An_IB_error_fails_the_request_with_code_and_hint()
    {
        await using var h = new ClientHarness();
        await h.ConnectAsync();
        Task<IReadOnlyList<ContractDetails>> call = h.Client.GetContractDetailsAsync(Aapl with { Symbol = "NOPE" });
        await h.PumpUntilAsync("request sent", () => h.Gateway.RequestsOf<ReqContractDetails>().Count == 1);
        h.Gateway.SendError(h.Gateway.RequestsOf<ReqContractDetails>()[0].ReqId, 200, "No security definition has been found for the request");

        var ex = await Assert.ThrowsAsync<TwsException>(() => call);
        Assert.Equal(200, ex.Code);
        Assert.Contains("symbol", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_historical_request_sends_the_cancel_message()
    {
        await using var h = new ClientHarness();
        await h.ConnectAsync();
        using var cts = new CancellationTokenSource();
        Task<HistoricalData> call = h.Client.GetHistoricalBarsAsync(Aapl, "", "1 D", "5 mins", cancellationToken: cts.Token);
        await h.PumpUntilAsync("request sent", () => h.Gateway.RequestsOf<ReqHistoricalData>().Count == 1);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await h.PumpUntilAsync("cancel sent", () => h.Gateway.RequestsOf<CancelHistoricalData>().Count == 1);
        Assert.Equal(h.Gateway.RequestsOf<ReqHistoricalData>()[0].ReqId, h.Gateway.RequestsOf<CancelHistoricalData>()[0].ReqId);
    }

    [Fact]
    public async Task Historical_bars_arrive_typed()
    {
        await using var h = new ClientHarness();
        await h.ConnectAsync();
        Task<HistoricalData> call = h.Client.GetHistoricalBarsAsync(Aapl, "", "1 D", "1 hour", "TRADES", useRth: true);
        await h.PumpUntilAsync("request sent", () => h.Gateway.RequestsOf<ReqHistoricalData>().Count == 1);
        ReqHistoricalData req = h.Gateway.RequestsOf<ReqHistoricalData>()[0];
        Assert.Equal(("1 D", "1 hour", true), (req.DurationStr, req.BarSizeSetting, req.UseRth));
        h.Gateway.Send(new HistoricalData(req.ReqId, "20260105 09:30:00", "20260105 16:00:00",
            [new Bar("20260105 09:30:00", 100, 101, 99, 100.5, 12345, 100.2m, 42)]));
        HistoricalData data = await TestKit.Wait.ForAsync("bars", call);
        Assert.Equal(100.5, Assert.Single(data.Bars).Close);
    }

    [Fact]
    public async Task Current_time_and_option_chain_parameters_complete()
    {
        await using var h = new ClientHarness();
        await h.ConnectAsync();
        Task<DateTimeOffset> time = h.Client.GetCurrentTimeAsync();
        await h.PumpUntilAsync("time answered", () => time.IsCompleted);
        Assert.Equal(ClientHarness.Weekend.ToUnixTimeSeconds(), (await time).ToUnixTimeSeconds(), 5d);

        var chain = h.Client.GetOptionChainParametersAsync("AAPL", "STK", 265598);
        await h.PumpUntilAsync("request sent", () => h.Gateway.RequestsOf<ReqSecDefOptParams>().Count == 1);
        int id = h.Gateway.RequestsOf<ReqSecDefOptParams>()[0].ReqId;
        h.Gateway.Send(new SecurityDefinitionOptionParameter(id, "SMART", 265598, "AAPL", "100", ["20260116"], [200, 205]));
        h.Gateway.Send(new SecurityDefinitionOptionParameterEnd(id));
        Assert.Equal([200d, 205d], Assert.Single(await TestKit.Wait.ForAsync("chain", chain)).Strikes);
    }

    [Fact]
    public async Task A_scan_completes_with_the_first_result_set_and_is_cancelled()
    {
        await using var h = new ClientHarness();
        await h.ConnectAsync();
        var scan = h.Client.ScanAsync(new ScannerSubscription { Instrument = "STK", LocationCode = "STK.US.MAJOR", ScanCode = "TOP_PERC_GAIN" });
        await h.PumpUntilAsync("request sent", () => h.Gateway.RequestsOf<ReqScannerSubscription>().Count == 1);
        int id = h.Gateway.RequestsOf<ReqScannerSubscription>()[0].ReqId;
        h.Gateway.Send(new ScannerData(id, [new ScannerDataRow { Rank = 0, Contract = Aapl }]));
        Assert.Single(await TestKit.Wait.ForAsync("scan", scan));
        await h.PumpUntilAsync("scanner cancelled", () => h.Gateway.RequestsOf<CancelScannerSubscription>().Count == 1);
    }

    [Fact]
    public async Task No_call_hangs_across_a_disconnect()
    {
        await using var h = new ClientHarness();
        await h.ConnectAsync();
        h.Gateway.AnswerHeartbeats = false;
        Task<IReadOnlyList<ContractDetails>> details = h.Client.GetContractDetailsAsync(Aapl);
        Task<HistoricalData> bars = h.Client.GetHistoricalBarsAsync(Aapl, "", "1 D", "5 mins");
        Task<DateTimeOffset> time = h.Client.GetCurrentTimeAsync();
        var chain = h.Client.GetOptionChainParametersAsync("AAPL", "STK", 265598);
        Task<TickerSnapshot> quote = h.Client.GetSnapshotQuoteAsync(Aapl);
        var scan = h.Client.ScanAsync(new ScannerSubscription { Instrument = "STK", LocationCode = "STK.US.MAJOR", ScanCode = "TOP_PERC_GAIN" });
        await h.PumpUntilAsync("requests sent", () => h.Gateway.RequestsOf<ReqScannerSubscription>().Count == 1);
        await h.Gateway.DropAsync();

        foreach (Task t in new Task[] { details, bars, time, chain, quote, scan })
        {
            var ex = await Assert.ThrowsAsync<TwsException>(() => t.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(TwsErrorCodes.ConnectionLost, ex.Code);
        }

        await Assert.ThrowsAsync<TwsException>(() => h.Client.GetContractDetailsAsync(Aapl));
    }
}
