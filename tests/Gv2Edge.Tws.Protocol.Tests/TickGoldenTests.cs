using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol.Tests;

/// <summary>
/// Golden bytes for the market-data messages, written by hand from IBKR's official decoder 10.30.01
/// (repository xqguo/twsapi, source/CSharpClient/client/EDecoder.cs: TickPriceEvent, TickSizeEvent, TickStringEvent,
/// TickGenericEvent, TickOptionComputationEvent, TickSnapshotEndEvent, MarketDataTypeEvent, TickReqParamsEvent,
/// TickByTickEvent) for server versions 157..187.
/// </summary>
public class TickGoldenTests
{
    private static object Decode(int v, params string[] fields)
    {
        var r = new Recorder();
        IncomingDecoder.Decode(Wire.Payload(fields), v, r);
        return r.Last;
    }

    [Theory]
    [InlineData(157)]
    [InlineData(187)]
    public void TickPrice_is_version_reqId_type_price_size_mask(int v)
    {
        var m = (TickPrice)Golden.Incoming(new TickPrice(9, 1, 185.5, 300m, 3), v, "1", "6", "9", "1", "185.5", "300", "3");
        Assert.True(m.CanAutoExecute);
        Assert.True(m.PastLimit);
        Assert.False(m.PreOpen);
        Assert.Equal(0, m.SizeTickType);
    }

    [Fact]
    public void TickPrice_with_an_unset_size_writes_an_empty_field()
        => Golden.Incoming(new TickPrice(9, 9, 184.1, null, 0), 187, "1", "6", "9", "9", "184.1", "", "0");

    [Fact]
    public void TickPrice_version_2_has_no_mask_and_version_1_no_size()
    {
        Assert.Equal(new TickPrice(9, 2, 10.5, 100m, 0), Decode(187, "1", "2", "9", "2", "10.5", "100"));
        Assert.Equal(new TickPrice(9, 2, 10.5, null, 0), Decode(187, "1", "1", "9", "2", "10.5"));
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("2147483647")]
    [InlineData("1.7976931348623157E308")]
    [InlineData("")]
    public void Unset_size_sentinels_read_as_null(string sentinel)
        => Assert.Equal(new TickSize(9, 8, null), Decode(187, "2", "6", "9", "8", sentinel));

    [Fact]
    public void TickPrice_no_data_is_minus_one()
        => Golden.Incoming(new TickPrice(9, 1, -1, 0m, 0), 187, "1", "6", "9", "1", "-1", "0", "0");

    [Fact]
    public void TickSize_is_version_reqId_type_decimal_size()
        => Golden.Incoming(new TickSize(9, 8, 1234567m), 187, "2", "6", "9", "8", "1234567");

    [Fact]
    public void TickSize_accepts_fractional_sizes()
        => Golden.Incoming(new TickSize(9, 0, 0.5m), 187, "2", "6", "9", "0", "0.5");

    [Fact]
    public void TickString_RTVolume_is_parsed_into_numbers()
        => Golden.Incoming(TickString.FromRtVolume(9, 48, 701.28, 1m, 1348075471534, 67854m, 701.46918464, true), 187,
            "46", "6", "9", "48", "701.28;1;1348075471534;67854;701.46918464;true");

    [Fact]
    public void TickString_RTVolume_without_price_and_size_is_a_volume_update()
        => Golden.Incoming(TickString.FromRtVolume(9, 77, null, null, 1348075471534, 67854m, 701.5, false), 178,
            "46", "6", "9", "77", ";;1348075471534;67854;701.5;false");

    [Fact]
    public void TickString_last_timestamp_is_a_long()
        => Golden.Incoming(TickString.FromTimestamp(9, 45, 1700000000), 187, "46", "6", "9", "45", "1700000000");

    [Fact]
    public void TickString_other_kinds_stay_text()
        => Golden.Incoming(TickString.FromText(9, 59, "0.83,0.92,20130219,0.23"), 187, "46", "6", "9", "59", "0.83,0.92,20130219,0.23");

    [Theory]
    [InlineData("48", "garbage")]
    [InlineData("48", "1;2;3")]
    [InlineData("48", "1;2;x;4;5;true")]
    [InlineData("45", "soon")]
    public void TickString_hot_kinds_that_do_not_parse_are_kept_as_text(string type, string value)
    {
        var t = (TickString)Decode(187, "46", "6", "9", type, value);
        Assert.Equal(TickStringKind.Text, t.Kind);
        Assert.Equal(value, t.Text);
    }

    [Fact]
    public void TickGeneric_is_version_reqId_type_double()
        => Golden.Incoming(new TickGeneric(9, 46, 3), 187, "45", "6", "9", "46", "3");

    [Theory]
    [InlineData(157)]
    [InlineData(178)]
    [InlineData(187)]
    public void TickOptionComputation_has_no_version_field_and_carries_tickAttrib(int v)
        => Golden.Incoming(new TickOptionComputation(3, 13, 1, 0.25, 0.5, 1.5, 0, 0.04, 0.12, -0.05, 190.5), v,
            "21", "3", "13", "1", "0.25", "0.5", "1.5", "0", "0.04", "0.12", "-0.05", "190.5");

    [Fact]
    public void TickOptionComputation_not_computed_sentinels_read_as_null()
        => Golden.Incoming(new TickOptionComputation(3, 10, 0, null, null, null, null, null, null, null, null), 187,
            "21", "3", "10", "0", "-1", "-2", "-1", "-1", "-2", "-2", "-2", "-1");

    [Fact]
    public void TickOptionComputation_below_156_has_a_version_and_no_tickAttrib()
        => Golden.Incoming(new TickOptionComputation(3, 13, int.MaxValue, 0.25, 0.5, 1.5, 0, 0.04, 0.12, -0.05, 190.5), 155,
            "21", "6", "3", "13", "0.25", "0.5", "1.5", "0", "0.04", "0.12", "-0.05", "190.5");

    [Fact]
    public void TickOptionComputation_max_value_reads_as_null()
        => Assert.Null(((TickOptionComputation)Decode(187, "21", "3", "13", "0", "1.7976931348623157E+308", "0.5", "1", "0", "0", "0", "0", "1")).ImpliedVol);

    [Fact]
    public void TickSnapshotEnd_MarketDataType_TickReqParams()
    {
        Golden.Incoming(new TickSnapshotEnd(9), 187, "57", "1", "9");
        Golden.Incoming(new MarketDataTypeMessage(9, 3), 187, "58", "1", "9", "3");
        Golden.Incoming(new TickReqParams(9, 0.01, "9c0001", 3), 187, "81", "9", "0.01", "9c0001", "3");
    }

    [Fact]
    public void TickByTick_last_and_all_last()
    {
        Golden.Incoming(new TickByTick { ReqId = 8, TickType = 1, Time = 1700000000, Price = 185.5, Size = 100m, AttrMask = 2, Exchange = "NASDAQ" }, 187,
            "99", "8", "1", "1700000000", "185.5", "100", "2", "NASDAQ", "");
        Golden.Incoming(new TickByTick { ReqId = 8, TickType = 2, Time = 1700000001, Price = 185.5, Size = 5m, Exchange = "ARCA", SpecialConditions = "T I" }, 187,
            "99", "8", "2", "1700000001", "185.5", "5", "0", "ARCA", "T I");
    }

    [Fact]
    public void TickByTick_bid_ask_midpoint_and_none()
    {
        Golden.Incoming(new TickByTick { ReqId = 8, TickType = 3, Time = 1700000000, BidPrice = 185.4, AskPrice = 185.5, BidSize = 200m, AskSize = 300m, AttrMask = 1 }, 187,
            "99", "8", "3", "1700000000", "185.4", "185.5", "200", "300", "1");
        Golden.Incoming(new TickByTick { ReqId = 8, TickType = 4, Time = 1700000000, MidPoint = 185.45 }, 187, "99", "8", "4", "1700000000", "185.45");
        Golden.Incoming(new TickByTick { ReqId = 8, TickType = 0, Time = 1700000000 }, 187, "99", "8", "0", "1700000000");
    }
}
