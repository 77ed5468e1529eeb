namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>reqCompletedOrders (outgoing 99), server version ≥ 150, no version field: <c>99, apiOnly(0/1)</c>.</summary>
public sealed record ReqCompletedOrders(bool ApiOnly) : IWireMessage
{
    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqCompletedOrders);
        writer.Write(ApiOnly);
        writer.EndMessage();
    }

    public static ReqCompletedOrders Decode(ref FieldReader reader, int serverVersion) => new(reader.ReadBool());
}
