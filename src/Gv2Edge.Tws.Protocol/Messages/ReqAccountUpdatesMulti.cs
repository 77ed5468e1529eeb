namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// reqAccountUpdatesMulti (outgoing 76), server version ≥ 103: <c>76, version(1), reqId, account, modelCode,
/// ledgerAndNLV(0/1)</c>.
/// </summary>
public sealed record ReqAccountUpdatesMulti(int ReqId, string Account, string ModelCode, bool LedgerAndNlv) : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqAccountUpdatesMulti);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.Write(Account);
        writer.Write(ModelCode);
        writer.Write(LedgerAndNlv);
        writer.EndMessage();
    }

    public static ReqAccountUpdatesMulti Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        int reqId = reader.ReadInt();
        string account = reader.ReadString();
        string model = reader.ReadString();
        return new ReqAccountUpdatesMulti(reqId, account, model, reader.ReadBool());
    }
}
