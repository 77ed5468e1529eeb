namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// reqSecDefOptParams (outgoing 78), server version ≥ 104, no version field: <c>78, reqId, underlyingSymbol,
/// futFopExchange ("" for stock options), underlyingSecType, underlyingConId</c>.
/// </summary>
public sealed record ReqSecDefOptParams(int ReqId, string UnderlyingSymbol, string FutFopExchange, string UnderlyingSecType, int UnderlyingConId) : IWireMessage
{
    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqSecDefOptParams);
        writer.Write(ReqId);
        writer.Write(UnderlyingSymbol);
        writer.Write(FutFopExchange);
        writer.Write(UnderlyingSecType);
        writer.Write(UnderlyingConId);
        writer.EndMessage();
    }

    public static ReqSecDefOptParams Decode(ref FieldReader reader, int serverVersion)
        => new(reader.ReadInt(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadInt());
}
