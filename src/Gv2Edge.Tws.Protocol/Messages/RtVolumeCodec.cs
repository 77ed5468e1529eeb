using System.Buffers.Text;
using System.Globalization;

namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>Parses and formats the RTVolume value <c>price;size;timeMillis;totalVolume;vwap;singleTrade</c>.</summary>
internal static class RtVolumeCodec
{
    public static bool TryParse(ReadOnlySpan<byte> v, int reqId, int tickType, out TickString tick)
    {
        // One pass over the value: each part is parsed in place and must end at ';' (the flag at the end).
        tick = default;
        if (!TryDouble(ref v, out double? price) || !TrySize(ref v, out decimal? size) || !TryLong(ref v, out long time)
            || !TrySize(ref v, out decimal? total) || !TryDouble(ref v, out double? vwap) || !TryFlag(v, out bool single))
        {
            return false;
        }

        tick = TickString.FromRtVolume(reqId, tickType, price, size, time, total, vwap, single);
        return true;
    }

    private static bool TryDouble(ref ReadOnlySpan<byte> v, out double? value)
    {
        value = null;
        if (!v.IsEmpty && v[0] == (byte)';')
        {
            v = v[1..];
            return true;
        }

        if (FastNumbers.TryParseSimpleDouble(v, out int used, out double d) && Separator(v, used))
        {
            value = d;
            v = v[(used + 1)..];
            return true;
        }

        if (TryPart(ref v, out ReadOnlySpan<byte> part) && FieldReader.TryParseDouble(part, out d))
        {
            value = d;
            return true;
        }

        return false;
    }

    private static bool TrySize(ref ReadOnlySpan<byte> v, out decimal? value)
    {
        if (FastNumbers.TryParsePlainSize(v, out int used, out value) && Separator(v, used))
        {
            v = v[(used + 1)..];
            return true;
        }

        return TryPart(ref v, out ReadOnlySpan<byte> part) && FieldReader.TryParseDecimal(part, out value);
    }

    private static bool TryLong(ref ReadOnlySpan<byte> v, out long value)
    {
        value = 0;
        return TryPart(ref v, out ReadOnlySpan<byte> part) && FieldReader.TryParseLong(part, out value);
    }

    private static bool Separator(ReadOnlySpan<byte> v, int used) => (uint)used < (uint)v.Length && v[used] == (byte)';';

    private static bool TryPart(ref ReadOnlySpan<byte> v, out ReadOnlySpan<byte> part)
    {
        int semi = v.IndexOf((byte)';');
        if (semi < 0)
        {
            part = default;
            return false;
        }

        part = v[..semi];
        v = v[(semi + 1)..];
        return true;
    }

    /// <summary>Writes the value into <paramref name="dest"/> (160 bytes suffice) and returns its length.</summary>
    public static int Format(in TickString t, Span<byte> dest)
    {
        int n = 0;
        if (t.Price is { } p)
        {
            p.TryFormat(dest, out n, default, CultureInfo.InvariantCulture);
        }

        dest[n++] = (byte)';';
        n += FormatDecimal(t.Size, dest[n..]);
        dest[n++] = (byte)';';
        Utf8Formatter.TryFormat(t.Time, dest[n..], out int used);
        n += used;
        dest[n++] = (byte)';';
        n += FormatDecimal(t.TotalVolume, dest[n..]);
        dest[n++] = (byte)';';
        if (t.Vwap is { } w)
        {
            w.TryFormat(dest[n..], out used, default, CultureInfo.InvariantCulture);
            n += used;
        }

        dest[n++] = (byte)';';
        ReadOnlySpan<byte> flag = t.SingleTrade ? "true"u8 : "false"u8;
        flag.CopyTo(dest[n..]);
        return n + flag.Length;
    }

    private static int FormatDecimal(decimal? value, Span<byte> dest)
    {
        if (value is not { } d)
        {
            return 0;
        }

        d.TryFormat(dest, out int n, default, CultureInfo.InvariantCulture);
        return n;
    }

    private static bool TryFlag(ReadOnlySpan<byte> f, out bool value)
    {
        value = f.SequenceEqual("true"u8) || f.SequenceEqual("1"u8) || f.SequenceEqual("True"u8);
        return value || f.SequenceEqual("false"u8) || f.SequenceEqual("0"u8) || f.SequenceEqual("False"u8);
    }
}
