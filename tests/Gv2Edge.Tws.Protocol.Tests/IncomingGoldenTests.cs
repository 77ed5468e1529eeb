using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol.Tests;

/// <summary>
/// Golden bytes for the non-tick server messages, written by hand from IBKR's official decoder 10.30.01
/// (repository xqguo/twsapi, source/CSharpClient/client/EDecoder.cs: ErrorEvent, NextValidIdEvent,
/// ManagedAccountsEvent, CurrentTimeEvent, HistoricalDataEvent, HistoricalDataUpdateEvent,
/// SecurityDefinitionOptionParameter(End)Event, ScannerDataEvent, HeadTimestampEvent and the end events).
/// </summary>
public class IncomingGoldenTests
{
    [Fact]
    public void ErrMsg_below_166_has_no_advancedOrderRejectJson()
        => Golden.Incoming(new ErrorMessage(7, 200, "No security definition has been found for the request"), 165,
            "4", "2", "7", "200", "No security definition has been found for the request");

    [Theory]
    [InlineData(166)]
    [InlineData(178)]
    [InlineData(187)]
    public void ErrMsg_from_166_ends_with_advancedOrderRejectJson(int v)
        => Golden.Incoming(new ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm"), v,
            "4", "2", "-1", "2104", "Market data farm connection is OK:usfarm", "");

    [Fact]
    public void ErrMsg_text_is_unescaped_from_uXXXX()
        => Golden.Incoming(new ErrorMessage(-1, 2104, "Connexion à la ferme OK", "{\"x\":\"é\"}"), 187,
            "4", "2", "-1", "2104", "Connexion \\u00e0 la ferme OK", "{\"x\":\"\\u00e9\"}");

    [Fact]
    public void ErrMsg_without_the_trailing_json_field_still_reads()
    {
        var r = new Recorder();
        IncomingDecoder.Decode(Wire.Payload("4", "2", "-1", "2104", "OK"), 187, r);
        Assert.Equal(new ErrorMessage(-1, 2104, "OK"), r.Last);
    }

    [Fact]
    public void ErrMsg_version_1_is_a_bare_text()
    {
        var r = new Recorder();
        IncomingDecoder.Decode(Wire.Payload("4", "1", "Old style"), 187, r);
        Assert.Equal(new ErrorMessage(-1, 0, "Old style"), r.Last);
    }

    [Fact]
    public void NextValidId_ManagedAccounts_CurrentTime_are_version_1()
    {
        Golden.Incoming(new NextValidId(1), 187, "9", "1", "1");
        var accounts = (ManagedAccounts)Golden.Incoming(new ManagedAccounts("DU111,DU222,"), 178, "15", "1", "DU111,DU222,");
        Assert.Equal(["DU111", "DU222"], accounts.Accounts);
        Golden.Incoming(new CurrentTime(1700000000), 187, "49", "1", "1700000000");
    }

    [Theory]
    [InlineData(157)]
    [InlineData(187)]
    public void HistoricalData_below_196_carries_start_and_end_and_per_bar_counts(int v)
    {
        var m = new HistoricalData(6, "20240102 09:30:00", "20240102 16:00:00",
        [
            new Bar("20240102 09:30:00", 185.1, 185.6, 184.9, 185.3, 12345m, 185.25m, 87),
            new Bar("20240102 09:35:00", 185.3, 185.4, 185, 185.2, 2000.5m, null, 10),
        ]);
        var back = (HistoricalData)Golden.IncomingWithLists(m, v,
            "17", "6", "20240102 09:30:00", "20240102 16:00:00", "2",
            "20240102 09:30:00", "185.1", "185.6", "184.9", "185.3", "12345", "185.25", "87",
            "20240102 09:35:00", "185.3", "185.4", "185", "185.2", "2000.5", "", "10");
        Assert.Equal(m.Bars, back.Bars);
    }

    [Fact]
    public void HistoricalData_below_124_has_a_version_and_hasGaps()
        => Golden.IncomingWithLists(new HistoricalData(6, "a", "b", [new Bar("20240102", 1, 2, 0.5, 1.5, 10m, 1.2m, 3)]), 123,
            "17", "3", "6", "a", "b", "1", "20240102", "1", "2", "0.5", "1.5", "10", "1.2", "false", "3");

    [Fact]
    public void HistoricalDataUpdate_is_open_close_high_low_then_wap_before_volume()
        => Golden.Incoming(new HistoricalDataUpdate(6, new Bar("20240102 09:35:00", 185.1, 185.6, 184.9, 185.3, 12345m, 185.25m, 87)), 187,
            "90", "6", "87", "20240102 09:35:00", "185.1", "185.3", "185.6", "184.9", "185.25", "12345");

    [Fact]
    public void SecurityDefinitionOptionParameter_lists_expirations_then_strikes()
    {
        var m = new SecurityDefinitionOptionParameter(5, "SMART", 265598, "AAPL", "100", ["20250117", "20250221"], [100, 150, 200]);
        var back = (SecurityDefinitionOptionParameter)Golden.IncomingWithLists(m, 187,
            "75", "5", "SMART", "265598", "AAPL", "100", "2", "20250117", "20250221", "3", "100", "150", "200");
        Assert.Equal(m.Expirations, back.Expirations);
        Assert.Equal(m.Strikes, back.Strikes);
        Golden.Incoming(new SecurityDefinitionOptionParameterEnd(5), 187, "76", "5");
    }

    [Fact]
    public void ScannerData_version_3_rows_carry_conId_and_legs()
    {
        var row0 = new ScannerDataRow
        {
            Rank = 0,
            Contract = new Contract { ConId = 265598, Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD", LocalSymbol = "AAPL", TradingClass = "NMS" },
            MarketName = "NMS",
        };
        var row1 = row0 with { Rank = 1, Contract = row0.Contract with { ConId = 272093, Symbol = "MSFT", LocalSymbol = "MSFT" }, Distance = "d" };
        var back = (ScannerData)Golden.IncomingWithLists(new ScannerData(11, [row0, row1]), 187,
            "20", "3", "11", "2",
            "0", "265598", "AAPL", "STK", "", "0", "", "SMART", "USD", "AAPL", "NMS", "NMS", "", "", "", "",
            "1", "272093", "MSFT", "STK", "", "0", "", "SMART", "USD", "MSFT", "NMS", "NMS", "d", "", "", "");
        Assert.Equal([row0, row1], back.Rows);
    }

    [Fact]
    public void ScannerData_version_1_rows_have_neither_conId_nor_legs()
    {
        var r = new Recorder();
        IncomingDecoder.Decode(Wire.Payload("20", "1", "11", "1", "0", "AAPL", "STK", "", "0", "", "SMART", "USD", "AAPL", "NMS", "NMS", "", "", ""), 187, r);
        ScannerDataRow row = Assert.Single(((ScannerData)r.Last).Rows);
        Assert.Equal(("AAPL", 0, "NMS"), (row.Contract.Symbol, row.Contract.ConId, row.Contract.TradingClass));
    }

    [Fact]
    public void HeadTimestamp_has_no_version_field()
        => Golden.Incoming(new HeadTimestamp(12, "19801212 14:30:00"), 187, "88", "12", "19801212 14:30:00");

    [Fact]
    public void Startup_end_markers_match_the_official_decoders()
    {
        Golden.Incoming(PositionEnd.Instance, 187, "62", "1");
        Golden.Incoming(OpenOrderEnd.Instance, 187, "53", "1");
        Golden.Incoming(CompletedOrdersEnd.Instance, 187, "102");
        Golden.Incoming(new AccountDownloadEnd("DU111"), 187, "54", "1", "DU111");
        Golden.Incoming(new AccountUpdateMultiEnd(3), 187, "74", "1", "3");
        Golden.Incoming(new ExecutionDataEnd(4), 187, "55", "1", "4");
        Golden.Incoming(new ContractDataEnd(4), 187, "52", "1", "4");
    }

    [Fact]
    public void Unknown_message_ids_reach_OnUnknown_with_the_whole_payload()
    {
        var r = new Recorder();
        IncomingDecoder.Decode(Wire.Payload("61", "3", "DU1", "265598"), 187, r);
        RequestDecoder.Decode(Wire.Payload("3", "45"), 187, r);
        Assert.Equal([61, 3], r.UnknownIds);
        Assert.Empty(r.Messages);
    }
}
