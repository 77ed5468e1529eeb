using System.Buffers.Text;
using System.Globalization;

namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>Parses and formats the RTVolume value <c>price;size;timeMillis;totalVolume;vwap;singleTrade</c>.</summary>
internal static class RtVolumeCodec
{
    public static bool TryParse(ReadOnlySpan<byte> v, int reqId, int tickType, out TickString tick)
    {
        tick = default;
        if (!TryNext(ref v, out ReadOnlySpan<byte> price) || !TryNext(ref v, out ReadOnlySpan<byte> size)
            || !TryNext(ref v, out ReadOnlySpan<byte> time) || !TryNext(ref v, out ReadOnlySpan<byte> total)
            || !TryNext(ref v, out ReadOnlySpan<byte> vwap))
        {
            return false;
        }

        // v is now the last part (the single-trade flag); a further ';' makes it malformed.
        if (v.IndexOf((byte)';') >= 0
            || !TryOptionalDouble(price, out double? p) || !TryOptionalDecimal(size, out decimal? s)
            || !FieldReader.TryParseLong(time, out long t) || !TryOptionalDecimal(total, out decimal? tv)
            || !TryOptionalDouble(vwap, out double? w) || !TryFlag(v, out bool single))
        {
            return false;
        }

        tick = TickString.FromRtVolume(reqId, tickType, p, s, t, tv, w, single);
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

    private static bool TryNext(ref ReadOnlySpan<byte> v, out ReadOnlySpan<byte> part)
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

    private static bool TryOptionalDouble(ReadOnlySpan<byte> f, out double? value)
    {
        value = null;
        if (f.IsEmpty)
        {
            return true;
        }

        if (FieldReader.TryParseDouble(f, out double d))
        {
            value = d;
            return true;
        }

        return false;
    }

    private static bool TryOptionalDecimal(ReadOnlySpan<byte> f, out decimal? value)
    {
        value = null;
        return f.IsEmpty || FieldReader.TryParseDecimal(f, out value);
    }

    private static bool TryFlag(ReadOnlySpan<byte> f, out bool value)
    {
        value = f.SequenceEqual("true"u8) || f.SequenceEqual("1"u8) || f.SequenceEqual("True"u8);
        return value || f.SequenceEqual("false"u8) || f.SequenceEqual("0"u8) || f.SequenceEqual("False"u8);
    }
}
