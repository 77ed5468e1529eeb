using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Gv2Edge.Radar.State;

namespace Gv2Edge.Cli.Recording;

/// <summary>
/// Writes the level-1 stream, exactly as the engine receives it, to a <see cref="TickFileFormat"/> file. Callers hold
/// <see cref="Gate"/> around each write together with the engine call it mirrors, so the file's order is the engine's
/// order. A tick costs no allocation once its symbol is known. Buffered (64 KB): a killed process loses at most the
/// unflushed tail, and the reader stops cleanly at the last whole record.
/// </summary>
public sealed class TickRecorder : IDisposable
{
    private readonly FileStream _file;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<TickCodecState> _states = [];
    private int[] _byStoreId = new int[256];
    private long _lastTime;
    private bool _disposed;
    private long _length;

    private TickRecorder(FileStream file, long baseTime)
    {
        _file = file;
        _lastTime = baseTime;
    }

    /// <summary>Lock held around a write and the engine call it mirrors.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Ticks written.</summary>
    public long Ticks { get; private set; }

    /// <summary>Bytes written so far (header included); the file's length once closed.</summary>
    public long Bytes => _disposed ? _length : _file.Position;

    /// <summary>The file.</summary>
    public string Path => _file.Name;

    /// <summary>Creates (or replaces) <paramref name="path"/> and writes the header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="start">The recording's base time (the clock's now).</param>
    /// <param name="metadata">Free-form description (command, source, host, port...), stored as JSON.</param>
    public static TickRecorder Create(string path, DateTimeOffset start, IReadOnlyDictionary<string, object?> metadata)
    {
        string? dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
        Span<byte> head = stackalloc byte[8 + 2 + 2 + 8 + 10];
        TickFileFormat.Magic.CopyTo(head);
        BinaryPrimitives.WriteUInt16LittleEndian(head[8..], TickFileFormat.Version);
        BinaryPrimitives.WriteUInt16LittleEndian(head[10..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(head[12..], start.UtcTicks);
        byte[] meta = JsonSerializer.SerializeToUtf8Bytes(metadata);
        int n = 20 + TickFileFormat.WriteVarint(head[20..], (ulong)meta.Length);
        file.Write(head[..n]);
        file.Write(meta);
        return new TickRecorder(file, start.UtcTicks);
    }

    /// <summary>Records one tick of the store's symbol <paramref name="storeId"/>.</summary>
    public void WriteTick(int storeId, string symbol, in QuoteTick tick)
    {
        int id = IdOf(storeId, symbol);
        TickCodecState prev = _states[id];
        Span<double> values = stackalloc double[TickFileFormat.DoubleFields];
        TickFileFormat.Read(in tick, values);
        Span<byte> buf = stackalloc byte[1 + 10 + 10 + 2 + (TickFileFormat.DoubleFields * 11) + 10 + 1];
        buf[0] = (byte)TickFileFormat.Tag.Tick;
        int n = 1 + TickFileFormat.WriteVarint(buf[1..], (ulong)id);
        n += WriteTime(buf[n..], tick.Time);
        int maskAt = n;
        n += 2;
        int mask = 0;
        for (int f = 0; f < TickFileFormat.DoubleFields; f++)
        {
            double v = values[f];
            if (BitConverter.DoubleToInt64Bits(v) == BitConverter.DoubleToInt64Bits(prev.Values[f]))
            {
                continue;
            }

            mask |= 1 << f;
            if (TickFileFormat.TryScale(v, TickFileFormat.ScaleOf(f), out long scaled))
            {
                n += TickFileFormat.WriteVarint(buf[n..], TickFileFormat.Zig(scaled - prev.Scaled[f]) << 1);
                prev.Scaled[f] = scaled;
            }
            else
            {
                buf[n++] = 1;
                BinaryPrimitives.WriteDoubleLittleEndian(buf[n..], v);
                n += 8;
            }

            prev.Values[f] = v;
        }

        if (tick.Halted != prev.Halted)
        {
            mask |= 1 << TickFileFormat.HaltedBit;
            n += TickFileFormat.WriteVarint(buf[n..], TickFileFormat.Zig(tick.Halted));
            prev.Halted = tick.Halted;
        }

        if (tick.Quality != prev.Quality)
        {
            mask |= 1 << TickFileFormat.QualityBit;
            buf[n++] = (byte)tick.Quality;
            prev.Quality = tick.Quality;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(buf[maskAt..], (ushort)mask);
        _file.Write(buf[..n]);
        Ticks++;
    }

    /// <summary>Records that the store took a volume baseline for <paramref name="symbol"/>.</summary>
    public void WriteBaseline(string symbol, DateOnly day, double averageDailyVolume, DateTimeOffset time)
    {
        lock (Gate)
        {
            int id = IdOf(-1, symbol);
            Span<byte> buf = stackalloc byte[1 + 10 + 10 + 10 + 8];
            buf[0] = (byte)TickFileFormat.Tag.Baseline;
            int n = 1 + TickFileFormat.WriteVarint(buf[1..], (ulong)id);
            n += WriteTime(buf[n..], time);
            n += TickFileFormat.WriteVarint(buf[n..], (ulong)day.DayNumber);
            BinaryPrimitives.WriteDoubleLittleEndian(buf[n..], averageDailyVolume);
            _file.Write(buf[..(n + 8)]);
        }
    }

    /// <summary>Records that the client reported <paramref name="symbol"/>'s line silent.</summary>
    public void WriteStale(string symbol, DateTimeOffset time)
    {
        lock (Gate)
        {
            int id = IdOf(-1, symbol);
            Span<byte> buf = stackalloc byte[1 + 10 + 10];
            buf[0] = (byte)TickFileFormat.Tag.Stale;
            int n = 1 + TickFileFormat.WriteVarint(buf[1..], (ulong)id);
            n += WriteTime(buf[n..], time);
            _file.Write(buf[..n]);
        }
    }

    /// <summary>Records a reconnect (the engine restarts every symbol's windows).</summary>
    public void WriteReconnected(DateTimeOffset time)
    {
        lock (Gate)
        {
            Span<byte> buf = stackalloc byte[1 + 10];
            buf[0] = (byte)TickFileFormat.Tag.Reconnected;
            int n = 1 + WriteTime(buf[1..], time);
            _file.Write(buf[..n]);
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            _file.Flush(flushToDisk: true);
            _length = _file.Position;
            _disposed = true;
            _file.Dispose();
        }
    }

    private int WriteTime(Span<byte> into, DateTimeOffset time)
    {
        long t = time.UtcTicks;
        int n = TickFileFormat.WriteVarint(into, TickFileFormat.Zig(t - _lastTime));
        _lastTime = t;
        return n;
    }

    // Maps a store id (or, with -1, a name) to the file's own id, writing the SYMBOL record the first time.
    private int IdOf(int storeId, string symbol)
    {
        if (storeId >= 0 && storeId < _byStoreId.Length && _byStoreId[storeId] > 0)
        {
            return _byStoreId[storeId] - 1;
        }

        if (!_ids.TryGetValue(symbol, out int id))
        {
            id = _states.Count;
            _ids[symbol] = id;
            _states.Add(new TickCodecState());
            byte[] name = Encoding.UTF8.GetBytes(symbol);
            Span<byte> buf = stackalloc byte[1 + 10 + 10];
            buf[0] = (byte)TickFileFormat.Tag.Symbol;
            int n = 1 + TickFileFormat.WriteVarint(buf[1..], (ulong)id);
            n += TickFileFormat.WriteVarint(buf[n..], (ulong)name.Length);
            _file.Write(buf[..n]);
            _file.Write(name);
        }

        if (storeId >= 0)
        {
            if (storeId >= _byStoreId.Length)
            {
                Array.Resize(ref _byStoreId, Math.Max(_byStoreId.Length * 2, storeId + 1));
            }

            _byStoreId[storeId] = id + 1;
        }

        return id;
    }
}
