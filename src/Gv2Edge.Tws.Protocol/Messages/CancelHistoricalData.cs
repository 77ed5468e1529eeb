namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>cancelHistoricalData (outgoing 25), server version ≥ 24: <c>25, version(1), reqId</c>.</summary>
public sealed record CancelHistoricalData(int ReqId) : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.CancelHistoricalData);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.EndMessage();
    }

    public static CancelHistoricalData Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new CancelHistoricalData(reader.ReadInt());
    }
}
