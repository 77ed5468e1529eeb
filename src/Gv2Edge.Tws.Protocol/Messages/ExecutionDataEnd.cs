namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>execDetailsEnd (incoming 55), all server versions: <c>55, version(1), reqId</c>.</summary>
public sealed record ExecutionDataEnd(int ReqId) : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.ExecutionDataEnd);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.EndMessage();
    }

    public static ExecutionDataEnd Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new ExecutionDataEnd(reader.ReadInt());
    }
}
