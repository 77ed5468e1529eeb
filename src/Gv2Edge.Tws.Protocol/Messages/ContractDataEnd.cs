namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>contractDataEnd (incoming 52), all server versions: <c>52, version(1), reqId</c>.</summary>
public sealed record ContractDataEnd(int ReqId) : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.ContractDataEnd);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.EndMessage();
    }

    public static ContractDataEnd Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new ContractDataEnd(reader.ReadInt());
    }
}
