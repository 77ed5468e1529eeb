using System.Runtime.CompilerServices;

namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// Single-pass parsers for the numbers that fill a tick stream. Each stops at the first byte that is not part of
/// the number and reports how many bytes it used; anything unusual (exponents, too many digits, Infinity…) returns
/// false so the caller falls back to the general parser. Results are exact: a double is built only when the
/// digits fit in 2^53 and there are at most 22 decimals (both operands exact, one correctly rounded division).
/// </summary>
internal static class FastNumbers
{
    private const ulong MaxExactMantissa = 1UL << 53;

    private static ReadOnlySpan<double> Pow10 =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>[-]digits with at most 10 digits, fitting an int. Empty input is 0 (IB's rule for empty fields).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseSmallInt(ReadOnlySpan<byte> s, out int used, out int value)
    {
        int i = 0;
        bool negative = false;
        if (!s.IsEmpty && s[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        int start = i;
        long acc = 0;
        while ((uint)i < (uint)s.Length)
        {
            uint d = (uint)(s[i] - '0');
            if (d > 9)
            {
                break;
            }

            acc = (acc * 10) + d;
            if (++i - start > 10)
            {
                break;
            }
        }

        used = i;
        long v = negative ? -acc : acc;
        value = (int)v;
        return (i > start || !negative) && i - start <= 10 && v is >= int.MinValue and <= int.MaxValue;
    }

    /// <summary>[-]digits[.digits] with no exponent. Empty input is not handled here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseSimpleDouble(ReadOnlySpan<byte> s, out int used, out double value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (!s.IsEmpty && s[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        // Integer part, then an optional fraction: two tight loops, no per-digit state checks.
        int start = i;
        ulong mantissa = 0;
        for (; (uint)i < (uint)s.Length; i++)
        {
            uint d = (uint)(s[i] - '0');
            if (d > 9)
            {
                break;
            }

            mantissa = (mantissa * 10) + d;
        }

        int decimals = 0;
        int digits = i - start;
        if ((uint)i < (uint)s.Length && s[i] == (byte)'.')
        {
            int fraction = ++i;
            for (; (uint)i < (uint)s.Length; i++)
            {
                uint d = (uint)(s[i] - '0');
                if (d > 9)
                {
                    break;
                }

                mantissa = (mantissa * 10) + d;
            }

            decimals = i - fraction;
            digits += decimals;
        }

        used = i;
        if (digits is 0 or > 19 || mantissa > MaxExactMantissa || decimals > 22
            || ((uint)i < (uint)s.Length && (s[i] | 0x20) == (byte)'e'))
        {
            return false;
        }

        double v = mantissa;
        if (decimals > 0)
        {
            v /= Pow10[decimals];
        }

        value = negative ? -v : v;
        return true;
    }

    /// <summary>
    /// A plain non-negative integer size of at most 18 digits; int.MaxValue (IB's "unset") gives null.
    /// Empty input gives null (unset).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParsePlainSize(ReadOnlySpan<byte> s, out int used, out decimal? value)
    {
        value = null;
        long acc = 0;
        int i = 0;
        for (; (uint)i < (uint)s.Length; i++)
        {
            uint d = (uint)(s[i] - '0');
            if (d > 9)
            {
                break;
            }

            if (i == 18)
            {
                used = i;
                return false;
            }

            acc = (acc * 10) + d;
        }

        used = i;
        if ((uint)i < (uint)s.Length && s[i] is (byte)'.' or (byte)'e' or (byte)'E' or (byte)'-' or (byte)'+')
        {
            return false;
        }

        if (i > 0)
        {
            value = acc == int.MaxValue ? null : acc;
        }

        return true;
    }
}
