namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>reqOpenOrders (outgoing 5), all server versions: <c>5, version(1)</c>.</summary>
public sealed record ReqOpenOrders : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 1;

    /// <summary>The only value (the request carries no data).</summary>
    public static ReqOpenOrders Instance { get; } = new();

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqOpenOrders);
        writer.Write(Version);
        writer.EndMessage();
    }

    public static ReqOpenOrders Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return Instance;
    }
}
