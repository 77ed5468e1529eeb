namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>tickSnapshotEnd (incoming 57), all server versions: <c>57, version(1), reqId</c>.</summary>
public sealed record TickSnapshotEnd(int ReqId) : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.TickSnapshotEnd);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.EndMessage();
    }

    public static TickSnapshotEnd Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new TickSnapshotEnd(reader.ReadInt());
    }
}
