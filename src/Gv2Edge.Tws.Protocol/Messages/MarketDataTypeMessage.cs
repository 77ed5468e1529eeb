namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// marketDataType (incoming 58), all server versions: <c>58, version(1), reqId, marketDataType</c>
/// (1 live, 2 frozen, 3 delayed, 4 delayed-frozen).
/// </summary>
public sealed record MarketDataTypeMessage(int ReqId, int MarketDataType) : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.MarketDataType);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.Write(MarketDataType);
        writer.EndMessage();
    }

    public static MarketDataTypeMessage Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        int reqId = reader.ReadInt();
        return new MarketDataTypeMessage(reqId, reader.ReadInt());
    }
}
