using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol.Tests;

public class RoundTripSmokeTests
{
    private sealed class Capture : IIncomingHandler, IRequestHandler
    {
        public object? Last { get; private set; }

        public void OnTickPrice(in TickPrice m) => Last = m;

        public void OnTickString(in TickString m) => Last = m;

        public void OnTickOptionComputation(in TickOptionComputation m) => Last = m;

        public void OnError(ErrorMessage m) => Last = m;

        public void OnHistoricalData(HistoricalData m) => Last = m;

        public void OnReqMktData(ReqMktData m) => Last = m;

        public void OnReqHistoricalData(ReqHistoricalData m) => Last = m;
    }

    [Fact]
    public void TickPrice_survives_encode_then_dispatch()
    {
        var m = new TickPrice(7, 1, 150.25, 300m, 3);
        var c = new Capture();
        IncomingDecoder.Decode(Wire.Encode(w => m.Encode(w, 187)), 187, c);
        Assert.Equal(m, c.Last);
    }

    [Fact]
    public void RtVolume_tick_string_is_parsed_into_numbers()
    {
        var c = new Capture();
        IncomingDecoder.Decode(Wire.Payload("46", "6", "9", "48", "701.28;1;1348075471534;67854;701.46918464;true"), 187, c);
        var t = Assert.IsType<TickString>(c.Last);
        Assert.Equal(TickStringKind.RtVolume, t.Kind);
        Assert.Equal(701.28, t.Price);
        Assert.Equal(1m, t.Size);
        Assert.Equal(1348075471534L, t.Time);
        Assert.Equal(67854m, t.TotalVolume);
        Assert.Equal(701.46918464, t.Vwap);
        Assert.True(t.SingleTrade);
        Assert.Null(t.Text);
    }

    [Fact]
    public void Option_computation_sentinels_become_null_and_back()
    {
        var m = new TickOptionComputation(3, 13, 0, 0.25, null, 1.5, null, null, 0.1, null, 190.5);
        var c = new Capture();
        byte[] payload = Wire.Encode(w => m.Encode(w, 187));
        Assert.Equal(Wire.Show(Wire.Payload("21", "3", "13", "0", "0.25", "-2", "1.5", "-1", "-2", "0.1", "-2", "190.5")), Wire.Show(payload));
        IncomingDecoder.Decode(payload, 187, c);
        Assert.Equal(m, c.Last);
    }

    [Fact]
    public void Error_message_round_trips_with_escaped_text()
    {
        var m = new ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm 市场", "");
        var c = new Capture();
        IncomingDecoder.Decode(Wire.Encode(w => m.Encode(w, 178)), 178, c);
        Assert.Equal(m, c.Last);
    }

    [Fact]
    public void ReqMktData_round_trips_through_the_request_decoder()
    {
        var m = new ReqMktData(5, new Contract { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" }, "233,236");
        var c = new Capture();
        RequestDecoder.Decode(Wire.Encode(w => m.Encode(w, 187)), 187, c);
        var back = Assert.IsType<ReqMktData>(c.Last);
        Assert.Equal(m.Contract, back.Contract);
        Assert.Equal(m with { MktDataOptions = back.MktDataOptions }, back);
    }

    [Fact]
    public void HistoricalData_round_trips_with_its_bars()
    {
        var m = new HistoricalData(4, "20240101 09:30:00", "20240102 16:00:00",
            [new Bar("20240102", 1, 2, 0.5, 1.5, 1000m, 1.2m, 10), new Bar("20240103", 1.5, 2.5, 1, 2, null, null, 3)]);
        var c = new Capture();
        IncomingDecoder.Decode(Wire.Encode(w => m.Encode(w, 187)), 187, c);
        var back = Assert.IsType<HistoricalData>(c.Last);
        Assert.Equal(m.Bars, back.Bars);
        Assert.Equal((m.ReqId, m.StartDate, m.EndDate), (back.ReqId, back.StartDate, back.EndDate));
    }
}
