namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>cancelScannerSubscription (outgoing 23), all server versions: <c>23, version(1), reqId</c>.</summary>
public sealed record CancelScannerSubscription(int ReqId) : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.CancelScannerSubscription);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.EndMessage();
    }

    public static CancelScannerSubscription Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new CancelScannerSubscription(reader.ReadInt());
    }
}
