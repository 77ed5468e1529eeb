namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>reqAccountUpdates (outgoing 6), server version ≥ 9: <c>6, version(2), subscribe(0/1), acctCode</c>.</summary>
public sealed record ReqAccountUpdates(bool Subscribe, string AcctCode) : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 2;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqAccountUpdates);
        writer.Write(Version);
        writer.Write(Subscribe);
        writer.Write(AcctCode);
        writer.EndMessage();
    }

    public static ReqAccountUpdates Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        bool subscribe = reader.ReadBool();
        return new ReqAccountUpdates(subscribe, reader.ReadString());
    }
}
