namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// tickPrice (incoming 1), all server versions: <c>1, version, reqId, tickType, price, size[version ≥ 2],
/// attrMask[version ≥ 3]</c>. Mask bits: 0 canAutoExecute, 1 pastLimit (≥ 109), 2 preOpen (≥ 132). We send version 6.
/// Price -1 with size 0 means "no data" (market closed). Size is null when empty or one of IB's unset sentinels.
/// </summary>
public readonly record struct TickPrice(int ReqId, int TickType, double Price, decimal? Size, int AttrMask) : IWireMessage
{
    /// <summary>The message version we write (the server's usual value).</summary>
    public const int Version = 6;

    /// <summary>Attribute bit 0.</summary>
    public bool CanAutoExecute => (AttrMask & 1) != 0;

    /// <summary>Attribute bit 1.</summary>
    public bool PastLimit => (AttrMask & 2) != 0;

    /// <summary>Attribute bit 2 (futures pre-open quotes).</summary>
    public bool PreOpen => (AttrMask & 4) != 0;

    /// <summary>
    /// The size tick IB's decoder synthesises from a price tick (bid 1→0, ask 2→3, last 4→5, delayed 66→69,
    /// 67→70, 68→71), or -1 when this price tick carries no size tick.
    /// </summary>
    public int SizeTickType => TickType switch
    {
        1 => 0,
        2 => 3,
        4 => 5,
        66 => 69,
        67 => 70,
        68 => 71,
        _ => -1,
    };

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.TickPrice);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.Write(TickType);
        writer.Write(Price);
        writer.Write(Size);
        writer.Write(AttrMask);
        writer.EndMessage();
    }

    public static TickPrice Decode(ref FieldReader reader, int serverVersion)
    {
        int version = reader.ReadInt();
        int reqId = reader.ReadInt();
        int tickType = reader.ReadInt();
        double price = reader.ReadDouble();
        decimal? size = version >= 2 ? reader.ReadDecimal() : null;
        int mask = version >= 3 ? reader.ReadInt() : 0;
        return new TickPrice(reqId, tickType, price, size, mask);
    }
}
