namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// tickReqParams (incoming 81), server version ≥ 124, no version field:
/// <c>81, reqId, minTick(double), bboExchange, snapshotPermissions(int)</c>.
/// </summary>
public sealed record TickReqParams(int ReqId, double MinTick, string BboExchange, int SnapshotPermissions) : IWireMessage
{
    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.TickReqParams);
        writer.Write(ReqId);
        writer.Write(MinTick);
        writer.WriteText(BboExchange);
        writer.Write(SnapshotPermissions);
        writer.EndMessage();
    }

    public static TickReqParams Decode(ref FieldReader reader, int serverVersion)
    {
        int reqId = reader.ReadInt();
        double minTick = reader.ReadDouble();
        string bbo = reader.ReadString();
        return new TickReqParams(reqId, minTick, bbo, reader.ReadInt());
    }
}
