using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Gv2Edge.Radar.State;

namespace Gv2Edge.Cli.Recording;

/// <summary>One record read back from a recording.</summary>
/// <param name="Kind">Tick, Baseline, Stale or Reconnected (symbol definitions are consumed by the reader).</param>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Symbol">The symbol (null for Reconnected).</param>
/// <param name="Tick">The level-1 picture (Tick records).</param>
/// <param name="Day">The baseline's trading day (Baseline records).</param>
/// <param name="AverageDailyVolume">The baseline's average daily volume (Baseline records).</param>
public sealed record TickFileRecord(TickFileFormat.Tag Kind, DateTimeOffset Time, string? Symbol, QuoteTick Tick, DateOnly Day = default, double AverageDailyVolume = double.NaN);

/// <summary>
/// Reads a <see cref="TickFileFormat"/> recording. A file cut short (a killed recorder) ends at its last whole record
/// and sets <see cref="Truncated"/>; anything else malformed throws <see cref="TickFileException"/> naming the offset.
/// </summary>
public sealed class TickFileReader : IDisposable
{
    private readonly Stream _stream;
    private readonly List<string> _symbols = [];
    private readonly List<TickCodecState> _states = [];
    private long _time;

    private TickFileReader(Stream stream, DateTimeOffset start, IReadOnlyDictionary<string, JsonElement> metadata)
    {
        _stream = stream;
        Start = start;
        _time = start.UtcTicks;
        Metadata = metadata;
    }

    /// <summary>The recording's base time.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The header's metadata.</summary>
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; }

    /// <summary>True when the file ended in the middle of a record.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Opens <paramref name="path"/> and reads its header.</summary>
    public static TickFileReader Open(string path)
    {
        var stream = new BufferedStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), 64 * 1024);
        try
        {
            Span<byte> head = stackalloc byte[20];
            if (stream.ReadAtLeast(head, 20, throwOnEndOfStream: false) < 20 || !head[..8].SequenceEqual(TickFileFormat.Magic))
            {
                throw new TickFileException($"{path} is not a GV2-EDGE recording (no GV2TICKS header); record one with --record FILE.");
            }

            ushort version = BinaryPrimitives.ReadUInt16LittleEndian(head[8..]);
            if (version is 0 or > TickFileFormat.Version)
            {
                throw new TickFileException($"{path} is a version {version} recording; this edge reads version {TickFileFormat.Version} and older. Update edge.");
            }

            var start = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(head[12..]), TimeSpan.Zero);
            int length = checked((int)ReadVarint(stream));
            byte[] meta = new byte[length];
            stream.ReadExactly(meta);
            Dictionary<string, JsonElement> metadata = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(meta) ?? [];
            return new TickFileReader(stream, start, metadata);
        }
        catch (Exception ex) when (ex is EndOfStreamException or JsonException or OverflowException)
        {
            stream.Dispose();
            throw new TickFileException($"{path}: the recording's header is damaged ({ex.Message}).");
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Every record, in file order.</summary>
    public IEnumerable<TickFileRecord> Records()
    {
        while (true)
        {
            TickFileRecord? record;
            try
            {
                int tag = _stream.ReadByte();
                if (tag < 0)
                {
                    yield break;
                }

                record = ReadBody((TickFileFormat.Tag)tag);
            }
            catch (EndOfStreamException)
            {
                Truncated = true;
                yield break;
            }

            if (record is not null)
            {
                yield return record;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private TickFileRecord? ReadBody(TickFileFormat.Tag tag)
    {
        switch (tag)
        {
            case TickFileFormat.Tag.Symbol:
                int id = (int)ReadVarint(_stream);
                byte[] name = new byte[checked((int)ReadVarint(_stream))];
                _stream.ReadExactly(name);
                if (id != _symbols.Count)
                {
                    throw Damaged($"symbol id {id} out of order");
                }

                _symbols.Add(Encoding.UTF8.GetString(name));
                _states.Add(new TickCodecState());
                return null;
            case TickFileFormat.Tag.Tick:
                return ReadTick();
            case TickFileFormat.Tag.Baseline:
                string symbol = SymbolOf(ReadVarint(_stream));
                DateTimeOffset time = ReadTime();
                var day = DateOnly.FromDayNumber(checked((int)ReadVarint(_stream)));
                return new TickFileRecord(tag, time, symbol, default, day, ReadDouble());
            case TickFileFormat.Tag.Stale:
                string stale = SymbolOf(ReadVarint(_stream));
                return new TickFileRecord(tag, ReadTime(), stale, default);
            case TickFileFormat.Tag.Reconnected:
                return new TickFileRecord(tag, ReadTime(), null, default);
            default:
                throw Damaged($"unknown record tag {(int)tag}");
        }
    }

    private TickFileRecord ReadTick()
    {
        int id = checked((int)ReadVarint(_stream));
        string symbol = SymbolOf((ulong)id);
        DateTimeOffset time = ReadTime();
        Span<byte> maskBytes = stackalloc byte[2];
        _stream.ReadExactly(maskBytes);
        int mask = BinaryPrimitives.ReadUInt16LittleEndian(maskBytes);
        TickCodecState s = _states[id];
        for (int f = 0; f < TickFileFormat.DoubleFields; f++)
        {
            if ((mask & (1 << f)) == 0)
            {
                continue;
            }

            ulong h = ReadVarint(_stream);
            if ((h & 1) == 1)
            {
                s.Values[f] = ReadDouble();
            }
            else
            {
                s.Scaled[f] += TickFileFormat.Unzig(h >> 1);
                s.Values[f] = s.Scaled[f] / TickFileFormat.ScaleOf(f);
            }
        }

        if ((mask & (1 << TickFileFormat.HaltedBit)) != 0)
        {
            s.Halted = (int)TickFileFormat.Unzig(ReadVarint(_stream));
        }

        if ((mask & (1 << TickFileFormat.QualityBit)) != 0)
        {
            s.Quality = (DataQuality)ReadByte();
        }

        return new TickFileRecord(TickFileFormat.Tag.Tick, time, symbol, TickFileFormat.Build(time, s.Values, s.Halted, s.Quality));
    }

    private string SymbolOf(ulong id) => id < (ulong)_symbols.Count ? _symbols[(int)id] : throw Damaged($"symbol id {id} used before it was defined");

    private DateTimeOffset ReadTime()
    {
        _time += TickFileFormat.Unzig(ReadVarint(_stream));
        return new DateTimeOffset(_time, TimeSpan.Zero);
    }

    private double ReadDouble()
    {
        Span<byte> b = stackalloc byte[8];
        _stream.ReadExactly(b);
        return BinaryPrimitives.ReadDoubleLittleEndian(b);
    }

    private byte ReadByte() => _stream.ReadByte() is int b and >= 0 ? (byte)b : throw new EndOfStreamException();

    private TickFileException Damaged(string what) => new($"the recording is damaged at byte {_stream.Position}: {what}.");

    private static ulong ReadVarint(Stream s)
    {
        ulong v = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            int b = s.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException();
            }

            v |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return v;
            }
        }

        throw new TickFileException("the recording is damaged: a varint runs over 64 bits.");
    }
}
