namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>reqIds (outgoing 8), all server versions: <c>8, version(1), numIds</c>.</summary>
public sealed record ReqIds(int NumIds) : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqIds);
        writer.Write(Version);
        writer.Write(NumIds);
        writer.EndMessage();
    }

    public static ReqIds Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new ReqIds(reader.ReadInt());
    }
}
