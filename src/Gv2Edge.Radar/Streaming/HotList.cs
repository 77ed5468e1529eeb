using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gv2Edge.Radar.Streaming;

/// <summary>One hot-list entry.</summary>
public sealed record HotEntry(string Symbol, HotPriority Priority, string Reason, DateTimeOffset AddedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// HOT / WARM / NORMAL symbols with TTLs (4 h / 2 h / 1 h by default), the original's rules: a higher priority
/// replaces the entry, an equal or lower one only refreshes its TTL. Persisted as JSON (temp file + rename) so
/// it survives a restart; time-zone-aware timestamps throughout. Thread-safe.
/// </summary>
public sealed class HotList
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly Dictionary<string, HotEntry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly StreamingOptions _options;
    private readonly TimeProvider _time;
    private bool _dirty;

    /// <summary>Creates the list and loads <see cref="StreamingOptions.HotListPath"/> when it exists (expired entries are dropped).</summary>
    public HotList(StreamingOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        if (options.HotListPath is { } path && File.Exists(path))
        {
            Load(path);
        }
    }

    /// <summary>A problem met while loading the file (the bad file is kept aside as *.corrupt), or null.</summary>
    public string? LoadProblem { get; private set; }

    /// <summary>Number of entries.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Adds or raises <paramref name="symbol"/>; true when it is new or its priority went up.</summary>
    public bool Push(string symbol, HotPriority priority, string reason)
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_lock)
        {
            _dirty = true;
            if (_entries.TryGetValue(symbol, out HotEntry? existing) && existing.ExpiresAt > now && existing.Priority >= priority)
            {
                _entries[symbol] = existing with { ExpiresAt = now + _options.TtlOf(existing.Priority) };
                return false;
            }

            _entries[symbol] = new HotEntry(symbol, priority, reason, now, now + _options.TtlOf(priority));
            return true;
        }
    }

    /// <summary>The symbol's live priority (NORMAL when absent or expired).</summary>
    public HotPriority PriorityOf(string symbol)
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_lock)
        {
            return _entries.TryGetValue(symbol, out HotEntry? e) && e.ExpiresAt > now ? e.Priority : HotPriority.Normal;
        }
    }

    /// <summary>Live entries, highest priority first.</summary>
    public IReadOnlyList<HotEntry> Entries()
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_lock)
        {
            return [.. _entries.Values.Where(e => e.ExpiresAt > now).OrderByDescending(e => e.Priority).ThenBy(e => e.Symbol, StringComparer.Ordinal)];
        }
    }

    /// <summary>Removes and returns the entries whose TTL has passed.</summary>
    public IReadOnlyList<HotEntry> Expire()
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_lock)
        {
            List<HotEntry> gone = [.. _entries.Values.Where(e => e.ExpiresAt <= now)];
            foreach (HotEntry e in gone)
            {
                _entries.Remove(e.Symbol);
            }

            _dirty |= gone.Count > 0;
            return gone;
        }
    }

    /// <summary>Writes the list to its file if it changed: to a temp file first, then renamed over the old one.</summary>
    public void Save()
    {
        if (_options.HotListPath is not { } path)
        {
            return;
        }

        string json;
        lock (_lock)
        {
            if (!_dirty)
            {
                return;
            }

            json = JsonSerializer.Serialize(_entries.Values.OrderBy(e => e.Symbol, StringComparer.Ordinal).ToList(), Json);
            _dirty = false;
        }

        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        string temp = path + ".tmp";
        File.WriteAllText(temp, json);
        File.Move(temp, path, overwrite: true);
    }

    private void Load(string path)
    {
        DateTimeOffset now = _time.GetUtcNow();
        try
        {
            List<HotEntry>? entries = JsonSerializer.Deserialize<List<HotEntry>>(File.ReadAllText(path), Json);
            foreach (HotEntry e in entries ?? [])
            {
                if (e.ExpiresAt > now && !string.IsNullOrWhiteSpace(e.Symbol))
                {
                    _entries[e.Symbol] = e;
                }
            }
        }
        catch (JsonException ex)
        {
            string aside = path + ".corrupt";
            File.Move(path, aside, overwrite: true);
            LoadProblem = $"The hot-list file {path} could not be read ({ex.Message}); it was kept as {aside} and the list starts empty.";
        }
    }
}
