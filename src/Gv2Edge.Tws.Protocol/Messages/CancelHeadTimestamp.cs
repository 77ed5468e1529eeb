namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>cancelHeadTimestamp (outgoing 90), server version ≥ 123, no version field: <c>90, reqId</c>.</summary>
public sealed record CancelHeadTimestamp(int ReqId) : IWireMessage
{
    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.CancelHeadTimestamp);
        writer.Write(ReqId);
        writer.EndMessage();
    }

    public static CancelHeadTimestamp Decode(ref FieldReader reader, int serverVersion)
    {
        return new CancelHeadTimestamp(reader.ReadInt());
    }
}
