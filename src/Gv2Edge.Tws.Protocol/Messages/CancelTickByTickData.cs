namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>cancelTickByTickData (outgoing 98), server version ≥ 137, no version field: <c>98, reqId</c>.</summary>
public sealed record CancelTickByTickData(int ReqId) : IWireMessage
{
    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.CancelTickByTickData);
        writer.Write(ReqId);
        writer.EndMessage();
    }

    public static CancelTickByTickData Decode(ref FieldReader reader, int serverVersion)
    {
        return new CancelTickByTickData(reader.ReadInt());
    }
}
