using System.Runtime.CompilerServices;

namespace Gv2Edge.Tws.Protocol;

/// <summary>The hot-path readers: parse straight up to the terminator in one pass, or report false to fall back.</summary>
public ref partial struct FieldReader
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadSmallInt(out int value)
    {
        ReadOnlySpan<byte> rest = _data[_position..];
        if (FastNumbers.TryParseSmallInt(rest, out int used, out value) && (uint)used < (uint)rest.Length && rest[used] == 0)
        {
            _position += used + 1;
            return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadSimpleDouble(out double value)
    {
        ReadOnlySpan<byte> rest = _data[_position..];
        if (FastNumbers.TryParseSimpleDouble(rest, out int used, out value) && (uint)used < (uint)rest.Length && rest[used] == 0)
        {
            _position += used + 1;
            return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadPlainSize(out decimal? value)
    {
        ReadOnlySpan<byte> rest = _data[_position..];
        if (FastNumbers.TryParsePlainSize(rest, out int used, out value) && (uint)used < (uint)rest.Length && rest[used] == 0)
        {
            _position += used + 1;
            return true;
        }

        return false;
    }
}
