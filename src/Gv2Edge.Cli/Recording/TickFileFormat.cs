using Gv2Edge.Radar.State;

namespace Gv2Edge.Cli.Recording;

/// <summary>
/// The recording format (<c>.gv2t</c>, version 1), documented in docs/RECORDING.md. A fixed header (magic
/// <c>GV2TICKS</c>, version, flags, base time in 100 ns UTC ticks, JSON metadata), then records: a tag byte and a
/// body. Times are signed deltas from the previous record; each tick carries only the fields that changed since that
/// symbol's previous tick, prices as deltas in 1/10,000 units and sizes in whole shares when that is exact, else the raw double, so
/// the replay sees bit-for-bit the values the engine saw.
/// </summary>
public static class TickFileFormat
{
    /// <summary>The file's first eight bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "GV2TICKS"u8;

    /// <summary>The version this build writes (and the newest it reads).</summary>
    public const ushort Version = 1;

    /// <summary>Scale of the exact-decimal encoding of prices: 4 decimal places (IB prices are cents, sub-dollar to 1/10,000).</summary>
    public const double Scale = 10_000d;

    /// <summary>The scale of field <paramref name="f"/>: whole shares for sizes and volume (fields 3–5), 1/10,000 for prices.</summary>
    public static double ScaleOf(int f) => f is 3 or 4 or 5 ? 1d : Scale;

    /// <summary>Double fields of a tick, in mask-bit order.</summary>
    public const int DoubleFields = 11;

    /// <summary>Mask bit of the halt field (tick 49).</summary>
    public const int HaltedBit = 11;

    /// <summary>Mask bit of the data quality.</summary>
    public const int QualityBit = 12;

    /// <summary>Record tags.</summary>
    public enum Tag : byte
    {
        /// <summary>Defines a symbol: varint id, varint length, UTF-8 name.</summary>
        Symbol = 1,

        /// <summary>A level-1 update: varint id, zigzag time delta, u16 mask, the changed fields.</summary>
        Tick = 2,

        /// <summary>A volume baseline taken: varint id, zigzag time delta, varint day number, raw double average daily volume.</summary>
        Baseline = 3,

        /// <summary>The client reported a line silent: varint id, zigzag time delta.</summary>
        Stale = 4,

        /// <summary>The connection came back (windows restart): zigzag time delta.</summary>
        Reconnected = 5,
    }

    /// <summary>The double fields of <paramref name="t"/> in mask-bit order.</summary>
    public static void Read(in QuoteTick t, Span<double> v)
    {
        v[0] = t.Bid;
        v[1] = t.Ask;
        v[2] = t.Last;
        v[3] = t.BidSize;
        v[4] = t.AskSize;
        v[5] = t.CumulativeVolume;
        v[6] = t.DayHigh;
        v[7] = t.DayLow;
        v[8] = t.PrevClose;
        v[9] = t.Open;
        v[10] = t.Vwap;
    }

    /// <summary>A tick from its fields.</summary>
    public static QuoteTick Build(DateTimeOffset time, ReadOnlySpan<double> v, int halted, DataQuality quality) => new()
    {
        Time = time,
        Bid = v[0],
        Ask = v[1],
        Last = v[2],
        BidSize = v[3],
        AskSize = v[4],
        CumulativeVolume = v[5],
        DayHigh = v[6],
        DayLow = v[7],
        PrevClose = v[8],
        Open = v[9],
        Vwap = v[10],
        Halted = halted,
        Quality = quality,
    };

    /// <summary>The value in 1/<paramref name="scale"/> units when that represents it exactly (decoding gives the same double), else false.</summary>
    public static bool TryScale(double value, double scale, out long scaled)
    {
        scaled = 0;
        if (!double.IsFinite(value) || Math.Abs(value) > 1e11)
        {
            return false;
        }

        double x = Math.Round(value * scale);
        scaled = (long)x;
        return BitConverter.DoubleToInt64Bits(scaled / scale) == BitConverter.DoubleToInt64Bits(value);
    }

    /// <summary>Zigzag: small negative and positive numbers both become small unsigned ones.</summary>
    public static ulong Zig(long v) => (ulong)((v << 1) ^ (v >> 63));

    /// <summary>Inverse of <see cref="Zig"/>.</summary>
    public static long Unzig(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    /// <summary>Writes an unsigned LEB128 varint; returns the bytes written.</summary>
    public static int WriteVarint(Span<byte> into, ulong v)
    {
        int n = 0;
        while (v >= 0x80)
        {
            into[n++] = (byte)(v | 0x80);
            v >>= 7;
        }

        into[n++] = (byte)v;
        return n;
    }
}

/// <summary>One symbol's previous tick, as both the writer and the reader track it (the delta reference).</summary>
internal sealed class TickCodecState
{
    public double[] Values { get; } = [.. Enumerable.Repeat(double.NaN, TickFileFormat.DoubleFields)];

    public long[] Scaled { get; } = new long[TickFileFormat.DoubleFields];

    public int Halted { get; set; } = -1;

    public DataQuality Quality { get; set; } = DataQuality.Live;
}

/// <summary>The file is not a recording this build can read; the message says why.</summary>
public sealed class TickFileException(string message) : Exception(message);
