namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// tickGeneric (incoming 45), all server versions: <c>45, version, reqId, tickType, value(double)</c>. We send version 6.
/// </summary>
public readonly record struct TickGeneric(int ReqId, int TickType, double Value) : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 6;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.TickGeneric);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.Write(TickType);
        writer.Write(Value);
        writer.EndMessage();
    }

    public static TickGeneric Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        int reqId = reader.ReadInt();
        int tickType = reader.ReadInt();
        return new TickGeneric(reqId, tickType, reader.ReadDouble());
    }
}
