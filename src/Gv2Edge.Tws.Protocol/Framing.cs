using System.Buffers;
using System.Buffers.Binary;

namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// TWS frames: a 4-byte big-endian length, then that many payload bytes (NUL-terminated fields).
/// Pure functions; no I/O, no allocation.
/// </summary>
public static class Framing
{
    /// <summary>IB's limit for one message (official client: MaxMsgSize = 0x00FFFFFF).</summary>
    public const int MaxMessageSize = 0x00FFFFFF;

    /// <summary>Size of the length prefix.</summary>
    public const int HeaderSize = 4;

    /// <summary>
    /// Takes one complete frame off the front of <paramref name="buffer"/>. Returns false when the buffer does
    /// not hold a whole frame yet (nothing consumed). A negative or oversized length throws
    /// <see cref="ProtocolException"/> before anything is allocated.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        int length;
        if (buffer.FirstSpan.Length >= HeaderSize)
        {
            length = BinaryPrimitives.ReadInt32BigEndian(buffer.FirstSpan);
        }
        else
        {
            Span<byte> header = stackalloc byte[HeaderSize];
            buffer.Slice(0, HeaderSize).CopyTo(header);
            length = BinaryPrimitives.ReadInt32BigEndian(header);
        }

        ValidateLength(length);
        if (buffer.Length - HeaderSize < length)
        {
            return false;
        }

        payload = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(HeaderSize + length);
        return true;
    }

    /// <summary>
    /// Span form: returns the number of bytes the frame occupies (header + payload), or 0 when incomplete.
    /// </summary>
    public static int TryReadFrame(ReadOnlySpan<byte> buffer, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (buffer.Length < HeaderSize)
        {
            return 0;
        }

        int length = BinaryPrimitives.ReadInt32BigEndian(buffer);
        ValidateLength(length);
        if (buffer.Length - HeaderSize < length)
        {
            return 0;
        }

        payload = buffer.Slice(HeaderSize, length);
        return HeaderSize + length;
    }

    /// <summary>Throws when a declared frame length is negative (≥ 2 GiB unsigned) or above IB's limit.</summary>
    public static void ValidateLength(int length)
    {
        if (length < 0)
        {
            throw new ProtocolException($"Bad message length {(uint)length}: larger than 2 GiB.");
        }

        if (length > MaxMessageSize)
        {
            throw new ProtocolException($"Bad message length {length}: IB's limit is {MaxMessageSize} bytes.");
        }
    }
}
