namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>reqAutoOpenOrders (outgoing 15), all server versions: <c>15, version(1), autoBind(0/1)</c>.</summary>
public sealed record ReqAutoOpenOrders(bool AutoBind) : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqAutoOpenOrders);
        writer.Write(Version);
        writer.Write(AutoBind);
        writer.EndMessage();
    }

    public static ReqAutoOpenOrders Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new ReqAutoOpenOrders(reader.ReadBool());
    }
}
