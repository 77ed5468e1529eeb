using System.Buffers.Text;

namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>What a <see cref="TickString"/> carries.</summary>
public enum TickStringKind : byte
{
    /// <summary>Plain text in <see cref="TickString.Text"/> (rare kinds, or a value that did not parse).</summary>
    Text,

    /// <summary>RTVolume (48) / RT trade volume (77): price;size;time;totalVolume;vwap;singleTrade.</summary>
    RtVolume,

    /// <summary>Last timestamp (45) / delayed last timestamp (88): epoch seconds in <see cref="TickString.Time"/>.</summary>
    Timestamp,
}

/// <summary>
/// tickString (incoming 46), all server versions: <c>46, version, reqId, tickType, value</c>. We send version 6.
/// The hot kinds never become strings: RTVolume (48/77, <c>701.28;1;1348075471534;67854;701.46918464;true</c>,
/// price and size may be empty) is parsed into numbers and the last timestamp (45/88) into a long. A value of
/// those kinds that does not parse is kept as text (no data is lost).
/// </summary>
public readonly record struct TickString : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 6;

    public int ReqId { get; init; }

    public int TickType { get; init; }

    public TickStringKind Kind { get; init; }

    /// <summary>The value, for <see cref="TickStringKind.Text"/> only (null otherwise).</summary>
    public string? Text { get; init; }

    /// <summary>RTVolume trade price (null when the field is empty: a volume-only update).</summary>
    public double? Price { get; init; }

    /// <summary>RTVolume trade size (null when empty).</summary>
    public decimal? Size { get; init; }

    /// <summary>RTVolume: trade time in epoch milliseconds. Timestamp: epoch seconds.</summary>
    public long Time { get; init; }

    /// <summary>RTVolume: the day's total volume.</summary>
    public decimal? TotalVolume { get; init; }

    /// <summary>RTVolume: the day's VWAP.</summary>
    public double? Vwap { get; init; }

    /// <summary>RTVolume: true when the trade was filled by a single market maker.</summary>
    public bool SingleTrade { get; init; }

    /// <summary>A plain text tick.</summary>
    public static TickString FromText(int reqId, int tickType, string text)
        => new() { ReqId = reqId, TickType = tickType, Kind = TickStringKind.Text, Text = text };

    /// <summary>A timestamp tick (epoch seconds).</summary>
    public static TickString FromTimestamp(int reqId, int tickType, long epochSeconds)
        => new() { ReqId = reqId, TickType = tickType, Kind = TickStringKind.Timestamp, Time = epochSeconds };

    /// <summary>An RTVolume tick.</summary>
    public static TickString FromRtVolume(int reqId, int tickType, double? price, decimal? size, long timeMillis,
        decimal? totalVolume, double? vwap, bool singleTrade)
        => new()
        {
            ReqId = reqId,
            TickType = tickType,
            Kind = TickStringKind.RtVolume,
            Price = price,
            Size = size,
            Time = timeMillis,
            TotalVolume = totalVolume,
            Vwap = vwap,
            SingleTrade = singleTrade,
        };

    /// <summary>True for the tick types whose value is RTVolume-shaped (48, 77).</summary>
    public static bool IsRtVolumeType(int tickType) => tickType is 48 or 77;

    /// <summary>True for the tick types whose value is an epoch-seconds timestamp (45, 88).</summary>
    public static bool IsTimestampType(int tickType) => tickType is 45 or 88;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.TickString);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.Write(TickType);
        switch (Kind)
        {
            case TickStringKind.RtVolume:
                Span<byte> buffer = stackalloc byte[160];
                writer.WriteAscii(buffer[..RtVolumeCodec.Format(this, buffer)]);
                break;
            case TickStringKind.Timestamp:
                writer.Write(Time);
                break;
            default:
                writer.WriteText(Text);
                break;
        }

        writer.EndMessage();
    }

    public static TickString Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        int reqId = reader.ReadInt();
        int tickType = reader.ReadInt();
        ReadOnlySpan<byte> value = reader.ReadField();
        if (IsRtVolumeType(tickType) && RtVolumeCodec.TryParse(value, reqId, tickType, out TickString rt))
        {
            return rt;
        }

        if (IsTimestampType(tickType) && Utf8Parser.TryParse(value, out long seconds, out int used) && used == value.Length)
        {
            return FromTimestamp(reqId, tickType, seconds);
        }

        return FromText(reqId, tickType, FieldReader.DecodeText(value));
    }
}
