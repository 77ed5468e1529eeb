using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// Reads NUL-terminated fields in place from one frame's payload. Numbers are parsed straight from the bytes
/// (no intermediate strings). Every malformed field throws <see cref="ProtocolException"/>.
/// </summary>
public ref partial struct FieldReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public FieldReader(ReadOnlySpan<byte> payload)
    {
        _data = payload;
        _position = 0;
    }

    /// <summary>True while unread fields remain.</summary>
    public readonly bool HasMore => _position < _data.Length;

    /// <summary>Byte offset of the next field inside the payload.</summary>
    public readonly int Position => _position;

    /// <summary>Counts the fields not read yet (a scan; meant for arity checks, not hot paths).</summary>
    public readonly int RemainingFieldCount
    {
        get
        {
            int count = 0;
            foreach (byte b in _data[_position..])
            {
                if (b == 0)
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>The raw bytes of the next field, without its terminator.</summary>
    public ReadOnlySpan<byte> ReadField()
    {
        ReadOnlySpan<byte> rest = _data[_position..];
        int end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            throw new ProtocolException(_position >= _data.Length
                ? $"Message ended early: a field was expected at byte {_position}."
                : $"Unterminated field at byte {_position}.");
        }

        _position += end + 1;
        return rest[..end];
    }

    /// <summary>Skips <paramref name="count"/> fields.</summary>
    public void Skip(int count = 1)
    {
        for (int i = 0; i < count; i++)
        {
            SkipOne();
        }
    }

    // Most skipped fields are a message version of one or two digits: a short scalar scan beats IndexOf's set-up.
    private void SkipOne()
    {
        ReadOnlySpan<byte> rest = _data[_position..];
        for (int i = 0; i < rest.Length && i < 8; i++)
        {
            if (rest[i] == 0)
            {
                _position += i + 1;
                return;
            }
        }

        ReadField();
    }

    /// <summary>
    /// A repeat count (bars, rows, legs…). Negative counts, and counts larger than the bytes left (each item needs at
    /// least one terminator), throw before anything is allocated for them.
    /// </summary>
    public int ReadCount()
    {
        int count = ReadInt();
        if (count < 0 || count > _data.Length - _position)
        {
            throw new ProtocolException($"Bad item count {count}: only {_data.Length - _position} bytes remain.");
        }

        return count;
    }

    /// <summary>An int; an empty field reads as 0 (as IB's decoders do).</summary>
    public int ReadInt() => TryReadSmallInt(out int value) ? value : ReadIntSlow();

    private int ReadIntSlow()
    {
        ReadOnlySpan<byte> f = ReadField();
        if (f.IsEmpty)
        {
            return 0;
        }

        if (Utf8Parser.TryParse(f, out int value, out int consumed) && consumed == f.Length)
        {
            return value;
        }

        throw Bad("int", f);
    }

    /// <summary>An int where empty or <see cref="int.MaxValue"/> means "unset" (null).</summary>
    public int? ReadIntMax()
    {
        ReadOnlySpan<byte> f = ReadField();
        if (f.IsEmpty)
        {
            return null;
        }

        if (Utf8Parser.TryParse(f, out int value, out int consumed) && consumed == f.Length)
        {
            return value == int.MaxValue ? null : value;
        }

        throw Bad("int", f);
    }

    /// <summary>A long; empty reads as 0.</summary>
    public long ReadLong()
    {
        ReadOnlySpan<byte> f = ReadField();
        if (f.IsEmpty)
        {
            return 0;
        }

        if (Utf8Parser.TryParse(f, out long value, out int consumed) && consumed == f.Length)
        {
            return value;
        }

        throw Bad("long", f);
    }

    /// <summary>A bool sent as an int (non-zero is true); also accepts "true"/"false".</summary>
    public bool ReadBool()
    {
        ReadOnlySpan<byte> f = ReadField();
        if (f.IsEmpty)
        {
            return false;
        }

        if (Utf8Parser.TryParse(f, out int value, out int consumed) && consumed == f.Length)
        {
            return value != 0;
        }

        if (f.SequenceEqual("true"u8) || f.SequenceEqual("True"u8))
        {
            return true;
        }

        if (f.SequenceEqual("false"u8) || f.SequenceEqual("False"u8))
        {
            return false;
        }

        throw Bad("bool", f);
    }

    /// <summary>A double; empty reads as 0; "Infinity" and "-Infinity" are understood.</summary>
    public double ReadDouble() => TryReadSimpleDouble(out double value) ? value : ReadDoubleSlow();

    private double ReadDoubleSlow()
    {
        ReadOnlySpan<byte> f = ReadField();
        return f.IsEmpty ? 0d : ParseDouble(f);
    }

    /// <summary>A double where empty or <see cref="double.MaxValue"/> means "unset" (null).</summary>
    public double? ReadDoubleMax()
    {
        ReadOnlySpan<byte> f = ReadField();
        if (f.IsEmpty)
        {
            return null;
        }

        double value = ParseDouble(f);
        return value == double.MaxValue ? null : value;
    }

    /// <summary>
    /// A decimal size or volume; empty and IB's "unset" sentinels (Int64/Int32 max and min, Double.MaxValue)
    /// read as null.
    /// </summary>
    public decimal? ReadDecimal() => TryReadPlainSize(out decimal? value) ? value : ReadDecimalSlow();

    private decimal? ReadDecimalSlow()
    {
        ReadOnlySpan<byte> f = ReadField();
        return ParseDecimal(f);
    }

    /// <summary>Parses a decimal size field with IB's "unset" conventions (null when unset).</summary>
    public static decimal? ParseDecimal(ReadOnlySpan<byte> f)
    {
        if (f.IsEmpty)
        {
            return null;
        }

        // Fast path: plain non-negative integers (almost every size IB sends).
        if (f.Length <= 18)
        {
            long acc = 0;
            int i = 0;
            for (; i < f.Length; i++)
            {
                uint d = (uint)(f[i] - '0');
                if (d > 9)
                {
                    break;
                }

                acc = (acc * 10) + d;
            }

            if (i == f.Length)
            {
                return acc == int.MaxValue ? null : acc;
            }
        }

        if (f.SequenceEqual("9223372036854775807"u8) || f.SequenceEqual("2147483647"u8)
            || f.SequenceEqual("-9223372036854775808"u8) || f.SequenceEqual("1.7976931348623157E308"u8)
            || f.SequenceEqual("1.7976931348623157E+308"u8))
        {
            return null;
        }

        if (Utf8Parser.TryParse(f, out decimal value, out int consumed) && consumed == f.Length)
        {
            return value;
        }

        if (decimal.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw Bad("decimal", f);
    }

    /// <summary>An ASCII string (empty field → empty string).</summary>
    public string ReadString()
    {
        ReadOnlySpan<byte> f = ReadField();
        return f.IsEmpty ? string.Empty : Encoding.UTF8.GetString(f);
    }

    /// <summary>A string the server may have escaped as <c>\uXXXX</c> (server version ≥ 153): un-escaped here.</summary>
    public string ReadEscapedString()
    {
        ReadOnlySpan<byte> f = ReadField();
        return Unescape(f);
    }

    /// <summary>Parses a whole field as a long without throwing.</summary>
    public static bool TryParseLong(ReadOnlySpan<byte> f, out long value)
    {
        if (f.Length is > 0 and <= 18)
        {
            long acc = 0;
            foreach (byte b in f)
            {
                uint d = (uint)(b - '0');
                if (d > 9)
                {
                    return Utf8Parser.TryParse(f, out value, out int n) && n == f.Length;
                }

                acc = (acc * 10) + d;
            }

            value = acc;
            return true;
        }

        return Utf8Parser.TryParse(f, out value, out int used) && used == f.Length && !f.IsEmpty;
    }

    /// <summary>Parses a whole field as a double without throwing.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> f, out double value)
    {
        if (FastNumbers.TryParseSimpleDouble(f, out int used, out value) && used == f.Length)
        {
            return true;
        }

        if (f.IsEmpty)
        {
            value = 0;
            return false;
        }

        try
        {
            value = ParseDouble(f);
            return true;
        }
        catch (ProtocolException)
        {
            value = 0;
            return false;
        }
    }

    /// <summary>Parses a whole field as an IB decimal without throwing (null = unset sentinel).</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> f, out decimal? value)
    {
        if (FastNumbers.TryParsePlainSize(f, out int used, out value) && used == f.Length)
        {
            return true;
        }

        try
        {
            value = ParseDecimal(f);
            return true;
        }
        catch (ProtocolException)
        {
            value = null;
            return false;
        }
    }

    /// <summary>The field's bytes as text (UTF-8; plain ASCII in practice).</summary>
    public static string DecodeText(ReadOnlySpan<byte> f) => f.IsEmpty ? string.Empty : Encoding.UTF8.GetString(f);

    /// <summary>Parses a double from its ASCII bytes (invariant culture, Infinity/NaN understood).</summary>
    public static double ParseDouble(ReadOnlySpan<byte> f)
    {
        if (Utf8Parser.TryParse(f, out double value, out int consumed) && consumed == f.Length)
        {
            return value;
        }

        if (double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        if (f.SequenceEqual("Infinite"u8))
        {
            // ib_async spells +∞ this way; accept it from peers.
            return double.PositiveInfinity;
        }

        throw Bad("double", f);
    }

    /// <summary>Turns <c>\uXXXX</c> sequences back into characters.</summary>
    public static string Unescape(ReadOnlySpan<byte> f)
    {
        if (f.IsEmpty)
        {
            return string.Empty;
        }

        if (f.IndexOf("\\u"u8) < 0)
        {
            return Encoding.UTF8.GetString(f);
        }

        var sb = new StringBuilder(f.Length);
        int i = 0;
        while (i < f.Length)
        {
            if (f[i] == (byte)'\\' && i + 5 < f.Length && f[i + 1] == (byte)'u'
                && Utf8Parser.TryParse(f.Slice(i + 2, 4), out ushort code, out int used, 'X') && used == 4)
            {
                sb.Append((char)code);
                i += 6;
                continue;
            }

            int next = f[(i + 1)..].IndexOf((byte)'\\');
            int end = next < 0 ? f.Length : i + 1 + next;
            sb.Append(Encoding.UTF8.GetString(f[i..end]));
            i = end;
        }

        return sb.ToString();
    }

    private static ProtocolException Bad(string type, ReadOnlySpan<byte> f)
    {
        string text = f.Length > 40 ? Encoding.ASCII.GetString(f[..40]) + "…" : Encoding.ASCII.GetString(f);
        return new ProtocolException($"Field \"{text}\" is not a valid {type}.");
    }
}
