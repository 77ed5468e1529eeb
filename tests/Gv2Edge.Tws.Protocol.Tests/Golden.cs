namespace Gv2Edge.Tws.Protocol.Tests;

/// <summary>
/// Golden-byte checks in both directions: the encoder writes exactly the expected fields, the decoder reads them back
/// into the same message, and re-encoding what was decoded gives the same bytes.
/// </summary>
internal static class Golden
{
    /// <summary>A server message (decoded with <see cref="IncomingDecoder"/>).</summary>
    public static object Incoming(IWireMessage m, int serverVersion, params string[] fields)
        => Check(m, serverVersion, fields, (p, r) => IncomingDecoder.Decode(p, serverVersion, r), valueEquality: true);

    /// <summary>A server message whose lists compare by reference: checked through the bytes only.</summary>
    public static object IncomingWithLists(IWireMessage m, int serverVersion, params string[] fields)
        => Check(m, serverVersion, fields, (p, r) => IncomingDecoder.Decode(p, serverVersion, r), valueEquality: false);

    /// <summary>A client request (decoded with <see cref="RequestDecoder"/>).</summary>
    public static object Request(IWireMessage m, int serverVersion, params string[] fields)
        => Check(m, serverVersion, fields, (p, r) => RequestDecoder.Decode(p, serverVersion, r), valueEquality: true);

    private static object Check(IWireMessage m, int serverVersion, string[] fields, Action<byte[], Recorder> decode, bool valueEquality)
    {
        byte[] expected = Wire.Payload(fields);
        Assert.Equal(Wire.Show(expected), Wire.Show(Wire.Encode(w => m.Encode(w, serverVersion))));
        var recorder = new Recorder();
        decode(expected, recorder);
        Assert.Empty(recorder.UnknownIds);
        object decoded = recorder.Last;
        if (valueEquality)
        {
            Assert.Equal(m, decoded);
        }

        var again = (IWireMessage)decoded;
        Assert.Equal(Wire.Show(expected), Wire.Show(Wire.Encode(w => again.Encode(w, serverVersion))));
        return decoded;
    }
}
