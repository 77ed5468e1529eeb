namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>reqAllOpenOrders (outgoing 16), all server versions: <c>16, version(1)</c>.</summary>
public sealed record ReqAllOpenOrders : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 1;

    /// <summary>The only value (the request carries no data).</summary>
    public static ReqAllOpenOrders Instance { get; } = new();

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqAllOpenOrders);
        writer.Write(Version);
        writer.EndMessage();
    }

    public static ReqAllOpenOrders Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return Instance;
    }
}
