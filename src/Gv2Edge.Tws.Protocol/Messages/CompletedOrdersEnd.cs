namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>completedOrdersEnd (incoming 102), server version ≥ 150: <c>102</c> (no version field, no data).</summary>
public sealed record CompletedOrdersEnd : IWireMessage
{
    /// <summary>The only value (the message carries no data).</summary>
    public static CompletedOrdersEnd Instance { get; } = new();

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.CompletedOrdersEnd);
        writer.EndMessage();
    }

    public static CompletedOrdersEnd Decode(ref FieldReader reader, int serverVersion) => Instance;
}
