using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;

namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// Builds TWS frames: <see cref="BeginMessage"/>, fields, <see cref="EndMessage"/> (which patches the 4-byte
/// big-endian length). Several frames can be written back to back and sent in one write. Invariant culture,
/// empty field for "unset" (Max) values, <c>Infinity</c> for +∞ (the official spelling). Not thread-safe:
/// the connection has exactly one writer.
/// </summary>
public sealed class MessageWriter
{
    private byte[] _buffer;
    private int _length;
    private int _frameStart = -1;

    public MessageWriter(int initialCapacity = 4096)
    {
        _buffer = new byte[Math.Max(64, initialCapacity)];
    }

    /// <summary>Everything written so far (complete frames, or raw bytes).</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>Everything written so far, as memory (valid until the next write or <see cref="Reset"/>).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>Forgets everything written; keeps the buffer.</summary>
    public void Reset()
    {
        _length = 0;
        _frameStart = -1;
    }

    /// <summary>Copies the written bytes into a new array.</summary>
    public byte[] ToArray() => WrittenSpan.ToArray();

    /// <summary>Starts a frame: reserves its length prefix.</summary>
    public void BeginMessage()
    {
        if (_frameStart >= 0)
        {
            throw new InvalidOperationException("A message is already open; call EndMessage first.");
        }

        Ensure(Framing.HeaderSize);
        _frameStart = _length;
        _length += Framing.HeaderSize;
    }

    /// <summary>Ends the open frame and writes its length.</summary>
    public void EndMessage()
    {
        if (_frameStart < 0)
        {
            throw new InvalidOperationException("No message is open.");
        }

        int payload = _length - _frameStart - Framing.HeaderSize;
        Framing.ValidateLength(payload);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_frameStart), payload);
        _frameStart = -1;
    }

    /// <summary>Raw bytes outside any field (the handshake's <c>API\0</c> prefix, the version string).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>An empty field (just the terminator).</summary>
    public void WriteEmpty() => Terminate();

    public void Write(int value)
    {
        Ensure(12);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out int n);
        _length += n;
        Terminate();
    }

    public void Write(long value)
    {
        Ensure(21);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out int n);
        _length += n;
        Terminate();
    }

    /// <summary>A bool as "1" or "0".</summary>
    public void Write(bool value)
    {
        Ensure(2);
        _buffer[_length++] = value ? (byte)'1' : (byte)'0';
        Terminate();
    }

    /// <summary>A double in invariant, shortest round-trip form; +∞ as <c>Infinity</c>.</summary>
    public void Write(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            WriteAscii("Infinity"u8);
            return;
        }

        Ensure(32);
        value.TryFormat(_buffer.AsSpan(_length), out int n, default, CultureInfo.InvariantCulture);
        _length += n;
        Terminate();
    }

    /// <summary>A decimal (sizes) in invariant form.</summary>
    public void Write(decimal value)
    {
        Ensure(32);
        value.TryFormat(_buffer.AsSpan(_length), out int n, default, CultureInfo.InvariantCulture);
        _length += n;
        Terminate();
    }

    /// <summary>A decimal size where null (unset) is an empty field.</summary>
    public void Write(decimal? value)
    {
        if (value is { } v)
        {
            Write(v);
        }
        else
        {
            Terminate();
        }
    }

    /// <summary>An int where null (IB's int.MaxValue "unset") is an empty field.</summary>
    public void WriteMax(int? value)
    {
        if (value is { } v && v != int.MaxValue)
        {
            Write(v);
        }
        else
        {
            Terminate();
        }
    }

    /// <summary>A double where null (IB's double.MaxValue "unset") is an empty field.</summary>
    public void WriteMax(double? value)
    {
        if (value is { } v && v != double.MaxValue)
        {
            Write(v);
        }
        else
        {
            Terminate();
        }
    }

    /// <summary>
    /// A request string field; null writes an empty field. Only printable ASCII, tab, LF and CR are allowed (what IBKR's
    /// client accepts; anything else is its error 579), so a NUL can never split a field.
    /// </summary>
    public void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Terminate();
            return;
        }

        Ensure(value.Length + 1);
        Span<byte> dest = _buffer.AsSpan(_length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            // The official client's rule: printable ASCII plus tab, LF and CR.
            if ((c < 0x20 && c is not ('\t' or '\n' or '\r')) || c > 0x7E)
            {
                throw new ProtocolException($"Field \"{value}\" holds a character IB does not accept (printable ASCII only).");
            }

            dest[i] = (byte)c;
        }

        _length += value.Length;
        Terminate();
    }

    /// <summary>
    /// A text field as a server sends it: UTF-8, no printable-ASCII check (that check is for client requests), but
    /// never a NUL. Null writes an empty field.
    /// </summary>
    public void WriteText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Terminate();
            return;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ProtocolException("A text field cannot hold a NUL character: it would end the field early.");
        }

        int max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        Ensure(max + 1);
        _length += System.Text.Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        Terminate();
    }

    /// <summary>
    /// A text field escaped the way servers do from version 153: every character outside printable ASCII becomes
    /// <c>\uXXXX</c>. Null writes an empty field.
    /// </summary>
    public void WriteEscaped(string? value)
    {
        value ??= string.Empty;
        Ensure((value.Length * 6) + 1);
        Span<byte> dest = _buffer.AsSpan(_length);
        int n = 0;
        foreach (char c in value)
        {
            if (c is >= ' ' and <= '~')
            {
                dest[n++] = (byte)c;
                continue;
            }

            dest[n++] = (byte)'\\';
            dest[n++] = (byte)'u';
            Utf8Formatter.TryFormat((ushort)c, dest[n..], out int used, new System.Buffers.StandardFormat('x', 4));
            n += used;
        }

        _length += n;
        Terminate();
    }

    /// <summary>A field from ASCII bytes.</summary>
    public void WriteAscii(ReadOnlySpan<byte> value)
    {
        Ensure(value.Length + 1);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
        Terminate();
    }

    /// <summary>A TagValue list flattened as <c>tag=value;tag2=value2;</c> (empty field for none).</summary>
    public void Write(IReadOnlyList<KeyValuePair<string, string>>? tags)
    {
        if (tags is null || tags.Count == 0)
        {
            Terminate();
            return;
        }

        var text = new System.Text.StringBuilder();
        foreach (KeyValuePair<string, string> t in tags)
        {
            text.Append(t.Key).Append('=').Append(t.Value).Append(';');
        }

        Write(text.ToString());
    }

    private void Terminate()
    {
        Ensure(1);
        _buffer[_length++] = 0;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        int size = Math.Max(_buffer.Length * 2, _length + extra);
        Array.Resize(ref _buffer, size);
    }
}
