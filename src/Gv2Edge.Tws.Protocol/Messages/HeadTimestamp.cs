namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>headTimestamp (incoming 88), server version ≥ 118, no version field: <c>88, reqId, headTimestamp</c>.</summary>
public sealed record HeadTimestamp(int ReqId, string Timestamp) : IWireMessage
{
    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.HeadTimestamp);
        writer.Write(ReqId);
        writer.WriteText(Timestamp);
        writer.EndMessage();
    }

    public static HeadTimestamp Decode(ref FieldReader reader, int serverVersion)
    {
        int reqId = reader.ReadInt();
        return new HeadTimestamp(reqId, reader.ReadString());
    }
}
