namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>cancelMktData (outgoing 2), all server versions: <c>2, version(1), reqId</c> (ib_async writes version 2; any version is read).</summary>
public sealed record CancelMktData(int ReqId) : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.CancelMktData);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.EndMessage();
    }

    public static CancelMktData Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new CancelMktData(reader.ReadInt());
    }
}
