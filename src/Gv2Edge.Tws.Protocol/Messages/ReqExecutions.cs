namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// reqExecutions (outgoing 7), server versions below 200 (our whole range): <c>7, version(3), reqId, clientId,
/// acctCode, time, symbol, secType, exchange, side</c> — the execution filter; empty strings match everything.
/// Time is <c>yyyyMMdd-HH:mm:ss</c> (UTC) or <c>yyyyMMdd HH:mm:ss zone</c>.
/// </summary>
public sealed record ReqExecutions(int ReqId, int ClientId = 0, string AcctCode = "", string Time = "",
    string Symbol = "", string SecType = "", string Exchange = "", string Side = "") : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 3;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqExecutions);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.Write(ClientId);
        writer.Write(AcctCode);
        writer.Write(Time);
        writer.Write(Symbol);
        writer.Write(SecType);
        writer.Write(Exchange);
        writer.Write(Side);
        writer.EndMessage();
    }

    public static ReqExecutions Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new ReqExecutions(reader.ReadInt(), reader.ReadInt(), reader.ReadString(), reader.ReadString(),
            reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());
    }
}
