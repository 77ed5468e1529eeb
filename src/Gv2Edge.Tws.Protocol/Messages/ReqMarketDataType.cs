namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>reqMarketDataType (outgoing 59), server version ≥ 55: <c>59, version(1), marketDataType</c> (1 live, 2 frozen, 3 delayed, 4 delayed-frozen).</summary>
public sealed record ReqMarketDataType(int MarketDataType) : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqMarketDataType);
        writer.Write(Version);
        writer.Write(MarketDataType);
        writer.EndMessage();
    }

    public static ReqMarketDataType Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new ReqMarketDataType(reader.ReadInt());
    }
}
