namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// tickSize (incoming 2), all server versions: <c>2, version, reqId, tickType, size(decimal)</c>. We send version 6.
/// Size is null when empty or one of IB's unset sentinels.
/// </summary>
public readonly record struct TickSize(int ReqId, int TickType, decimal? Size) : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 6;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.TickSize);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.Write(TickType);
        writer.Write(Size);
        writer.EndMessage();
    }

    public static TickSize Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version: ignored by every decoder
        int reqId = reader.ReadInt();
        int tickType = reader.ReadInt();
        return new TickSize(reqId, tickType, reader.ReadDecimal());
    }
}
