namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>accountUpdateMultiEnd (incoming 74), all server versions: <c>74, version(1), reqId</c>.</summary>
public sealed record AccountUpdateMultiEnd(int ReqId) : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.AccountUpdateMultiEnd);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.EndMessage();
    }

    public static AccountUpdateMultiEnd Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new AccountUpdateMultiEnd(reader.ReadInt());
    }
}
