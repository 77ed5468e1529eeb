namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>nextValidId (incoming 9), all server versions: <c>9, version(1), orderId</c>.</summary>
public sealed record NextValidId(int OrderId) : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.NextValidId);
        writer.Write(Version);
        writer.Write(OrderId);
        writer.EndMessage();
    }

    public static NextValidId Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new NextValidId(reader.ReadInt());
    }
}
