using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol.Tests;

/// <summary>
/// Golden bytes for every request, written by hand from the field order of IBKR's official client 10.30.01
/// (repository xqguo/twsapi, source/CSharpClient/client/EClient.cs, and IBParamsList.cs for the contract block and
/// the "Max" writers; server versions 157..187). Each check also decodes the bytes back (the simulator's side).
/// </summary>
public class RequestGoldenTests
{
    private static readonly Contract Aapl = new()
    {
        ConId = 265598,
        Symbol = "AAPL",
        SecType = "STK",
        Exchange = "SMART",
        PrimaryExchange = "NASDAQ",
        Currency = "USD",
    };

    private static readonly string[] AaplBlock = ["265598", "AAPL", "STK", "", "0", "", "", "SMART", "NASDAQ", "USD", "", ""];

    private static readonly Contract AaplCall = new()
    {
        Symbol = "AAPL",
        SecType = "OPT",
        LastTradeDateOrContractMonth = "20250117",
        Strike = 150,
        Right = "C",
        Multiplier = "100",
        Exchange = "SMART",
        Currency = "USD",
        TradingClass = "AAPL",
    };

    private static readonly string[] AaplCallBlock = ["0", "AAPL", "OPT", "20250117", "150", "C", "100", "SMART", "", "USD", "", "AAPL"];

    private static string[] F(params object[] parts)
        => parts.SelectMany(p => p is string[] a ? a : [(string)p]).ToArray();

    [Theory]
    [InlineData(157)]
    [InlineData(187)]
    public void StartApi_is_id_version_clientId_capabilities(int v)
        => Golden.Request(new StartApi(1), v, "71", "2", "1", "");

    [Theory]
    [InlineData(157)]
    [InlineData(178)]
    [InlineData(187)]
    public void ReqMktData_is_version_11_with_the_12_field_contract_and_no_delta_neutral(int v)
        => Golden.Request(new ReqMktData(9, Aapl, "233,236"), v,
            F("1", "11", "9", AaplBlock, "0", "233,236", "0", "0", ""));

    [Fact]
    public void ReqMktData_snapshot_of_an_option_writes_its_strike_and_flags()
        => Golden.Request(new ReqMktData(10, AaplCall, "", Snapshot: true), 187,
            F("1", "11", "10", AaplCallBlock, "0", "", "1", "0", ""));

    [Fact]
    public void ReqMktData_for_a_combo_writes_an_empty_leg_count_before_delta_neutral()
    {
        var bag = Aapl with { SecType = "BAG" };
        string[] block = ["265598", "AAPL", "BAG", "", "0", "", "", "SMART", "NASDAQ", "USD", "", ""];
        Golden.Request(new ReqMktData(11, bag), 187, F("1", "11", "11", block, "0", "0", "", "0", "0", ""));
    }

    [Fact]
    public void CancelMktData_is_version_1()
        => Golden.Request(new CancelMktData(9), 187, "2", "1", "9");

    [Fact]
    public void ReqMarketDataType_is_version_1()
        => Golden.Request(new ReqMarketDataType(3), 187, "59", "1", "3");

    [Theory]
    [InlineData(157)]
    [InlineData(175)]
    public void ReqContractDetails_below_176_has_no_issuerId(int v)
        => Golden.Request(new ReqContractDetails(4, Aapl with { SecIdType = "ISIN", SecId = "US0378331005" }), v,
            F("9", "8", "4", AaplBlock, "0", "ISIN", "US0378331005"));

    [Theory]
    [InlineData(176)]
    [InlineData(187)]
    public void ReqContractDetails_from_176_ends_with_issuerId(int v)
        => Golden.Request(new ReqContractDetails(4, Aapl with { IssuerId = "e123", IncludeExpired = true }), v,
            F("9", "8", "4", AaplBlock, "1", "", "", "e123"));

    [Theory]
    [InlineData(157)]
    [InlineData(187)]
    public void ReqHistoricalData_has_no_version_field_and_ends_with_keepUpToDate_and_chartOptions(int v)
        => Golden.Request(new ReqHistoricalData(6, Aapl, "20240102 16:00:00 US/Eastern", "5 mins", "2 D", true, "TRADES"), v,
            F("20", "6", AaplBlock, "0", "20240102 16:00:00 US/Eastern", "5 mins", "2 D", "1", "TRADES", "1", "0", ""));

    [Fact]
    public void ReqHistoricalData_keepUpToDate_with_epoch_dates()
        => Golden.Request(new ReqHistoricalData(7, Aapl, "", "1 min", "1 D", false, "MIDPOINT", 2, KeepUpToDate: true), 178,
            F("20", "7", AaplBlock, "0", "", "1 min", "1 D", "0", "MIDPOINT", "2", "1", ""));

    [Fact]
    public void ReqHistoricalData_for_a_combo_writes_an_empty_leg_count_before_keepUpToDate()
        => Golden.Request(new ReqHistoricalData(8, Aapl with { SecType = "BAG" }, "", "1 day", "1 M", true, "TRADES"), 187,
            F("20", "8", "265598", "AAPL", "BAG", "", "0", "", "", "SMART", "NASDAQ", "USD", "", "", "0", "", "1 day", "1 M", "1", "TRADES", "1", "0", "0", ""));

    [Fact]
    public void CancelHistoricalData_is_version_1()
        => Golden.Request(new CancelHistoricalData(6), 187, "25", "1", "6");

    [Fact]
    public void ReqSecDefOptParams_has_no_version_field()
        => Golden.Request(new ReqSecDefOptParams(7, "AAPL", "", "STK", 265598), 187, "78", "7", "AAPL", "", "STK", "265598");

    [Theory]
    [InlineData(157)]
    [InlineData(187)]
    public void ReqTickByTickData_writes_the_12_field_contract_then_tickType_numberOfTicks_ignoreSize(int v)
        => Golden.Request(new ReqTickByTickData(8, Aapl, "AllLast"), v, F("97", "8", AaplBlock, "AllLast", "0", "0"));

    [Fact]
    public void ReqTickByTickData_with_a_tick_count_and_ignoreSize()
        => Golden.Request(new ReqTickByTickData(8, Aapl, "BidAsk", 10, true), 187, F("97", "8", AaplBlock, "BidAsk", "10", "1"));

    [Fact]
    public void CancelTickByTickData_has_no_version_field()
        => Golden.Request(new CancelTickByTickData(8), 187, "98", "8");

    [Fact]
    public void ReqCurrentTime_is_version_1()
        => Golden.Request(ReqCurrentTime.Instance, 187, "49", "1");

    [Theory]
    [InlineData(157)]
    [InlineData(187)]
    public void ReqScannerSubscription_writes_unset_thresholds_as_empty_fields_and_filters_before_options(int v)
    {
        var s = new ScannerSubscription { NumberOfRows = 50, Instrument = "STK", LocationCode = "STK.US.MAJOR", ScanCode = "TOP_PERC_GAIN" };
        var m = new ReqScannerSubscription(11, s) { FilterOptions = [new("priceAbove", "5"), new("volumeAbove", "100000")] };
        object back = Golden.Request(m with { FilterOptions = TagValues.Empty }, v,
            "22", "11", "50", "STK", "STK.US.MAJOR", "TOP_PERC_GAIN", "", "", "", "", "", "", "", "", "", "", "", "", "", "0", "", "", "", "", "");
        Assert.IsType<ReqScannerSubscription>(back);
        byte[] withFilters = Wire.Encode(w => m.Encode(w, v));
        Assert.Equal(
            Wire.Show(Wire.Payload("22", "11", "50", "STK", "STK.US.MAJOR", "TOP_PERC_GAIN", "", "", "", "", "", "", "", "", "", "", "", "", "", "0", "", "", "", "priceAbove=5;volumeAbove=100000;", "")),
            Wire.Show(withFilters));
        var recorder = new Recorder();
        RequestDecoder.Decode(withFilters, v, recorder);
        var decoded = Assert.IsType<ReqScannerSubscription>(recorder.Last);
        Assert.Equal(m.FilterOptions, decoded.FilterOptions);
    }

    [Fact]
    public void ReqScannerSubscription_writes_set_thresholds_and_the_default_row_count()
    {
        var s = new ScannerSubscription { ScanCode = "HOT_BY_VOLUME", AbovePrice = 5, AboveVolume = 1000, CouponRateBelow = 2.5, ExcludeConvertible = true, StockTypeFilter = "CORP" };
        Golden.Request(new ReqScannerSubscription(12, s), 187,
            "22", "12", "-1", "", "", "HOT_BY_VOLUME", "5", "", "1000", "", "", "", "", "", "", "", "", "", "2.5", "1", "", "", "CORP", "", "");
    }

    [Fact]
    public void CancelScannerSubscription_is_version_1()
        => Golden.Request(new CancelScannerSubscription(11), 187, "23", "1", "11");

    [Fact]
    public void ReqHeadTimestamp_writes_the_contract_with_includeExpired_then_useRth_whatToShow_formatDate()
        => Golden.Request(new ReqHeadTimestamp(12, Aapl, "TRADES", true), 187, F("87", "12", AaplBlock, "0", "1", "TRADES", "1"));

    [Fact]
    public void CancelHeadTimestamp_has_no_version_field()
        => Golden.Request(new CancelHeadTimestamp(12), 187, "90", "12");

    [Fact]
    public void Startup_requests_match_the_official_encoders()
    {
        Golden.Request(new ReqIds(1), 187, "8", "1", "1");
        Golden.Request(ReqPositions.Instance, 187, "61", "1");
        Golden.Request(ReqOpenOrders.Instance, 187, "5", "1");
        Golden.Request(ReqAllOpenOrders.Instance, 187, "16", "1");
        Golden.Request(new ReqAutoOpenOrders(true), 187, "15", "1", "1");
        Golden.Request(new ReqCompletedOrders(false), 187, "99", "0");
        Golden.Request(new ReqAccountUpdates(true, "DU123"), 187, "6", "2", "1", "DU123");
        Golden.Request(new ReqAccountUpdatesMulti(3, "DU123", "", false), 187, "76", "1", "3", "DU123", "", "0");
        Golden.Request(new ReqExecutions(4), 187, "7", "3", "4", "0", "", "", "", "", "", "");
        Golden.Request(ReqManagedAccts.Instance, 178, "17", "1");
    }

    [Fact]
    public void Request_strings_outside_printable_ascii_are_refused_like_the_official_client()
        => Assert.Throws<ProtocolException>(() => Wire.Encode(w => new ReqAccountUpdates(true, "DÜ1").Encode(w, 187)));
}
