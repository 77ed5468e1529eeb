using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gv2Edge.Radar.Scan;

/// <summary>What the radar remembers about one symbol for one trading day.</summary>
/// <param name="ConId">IB's contract id (0 when unknown to IB).</param>
/// <param name="PrimaryExchange">Primary listing exchange.</param>
/// <param name="Baseline">The baselines, or null while the bars could not be had (retried on the next scan).</param>
/// <param name="UnknownCode">IB's answer when the symbol is not a US stock it knows (200…); null for a known symbol.</param>
/// <param name="UnknownMessage">That answer in words.</param>
public sealed record CachedSymbol(int ConId, string PrimaryExchange, SymbolBaseline? Baseline, int? UnknownCode = null, string? UnknownMessage = null);

/// <summary>
/// The radar's disk cache: one JSON file per trading day (<c>radar-baselines-yyyy-MM-dd.json</c>) holding each symbol's
/// contract and baselines, so a re-scan the same day sends only quote requests. A new day's cache starts with the
/// contracts (conId, primary exchange) of the latest earlier file: IB's conIds do not change, so the day's first scan
/// asks only for bars and quotes. Written atomically (temp file + rename); a damaged file is ignored (renamed
/// *.corrupt) and rebuilt. Files older than a week are deleted. Thread-safe.
/// </summary>
public sealed class BaselineDiskCache
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ConcurrentDictionary<string, CachedSymbol> _symbols = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _path;
    private readonly string _fingerprint;
    private int _dirty;

    /// <param name="directory">Cache directory; null = memory only (nothing read or written).</param>
    /// <param name="tradingDay">The trading day the baselines belong to.</param>
    /// <param name="fingerprint">What the baselines were computed with (sessions, ATR period…); a file with another one is ignored.</param>
    public BaselineDiskCache(string? directory, DateOnly tradingDay, string fingerprint)
    {
        TradingDay = tradingDay;
        _fingerprint = fingerprint;
        if (directory is null)
        {
            return;
        }

        _path = Path.Combine(directory, $"radar-baselines-{tradingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.json");
        Load();
    }

    /// <summary>The trading day of the entries.</summary>
    public DateOnly TradingDay { get; }

    /// <summary>The file, or null for a memory-only cache.</summary>
    public string? FilePath => _path;

    /// <summary>A problem met reading the file (it was set aside), or null.</summary>
    public string? LoadProblem { get; private set; }

    /// <summary>Contracts taken over from an earlier day's file when this day had none (their baselines are not).</summary>
    public int CarriedContracts { get; private set; }

    /// <summary>Entries held.</summary>
    public int Count => _symbols.Count;

    /// <summary>The entry of <paramref name="symbol"/>, or null.</summary>
    public CachedSymbol? Get(string symbol) => _symbols.TryGetValue(symbol, out CachedSymbol? c) ? c : null;

    /// <summary>Stores an entry (written by <see cref="Save"/>).</summary>
    public void Set(string symbol, CachedSymbol entry)
    {
        _symbols[symbol] = entry;
        Interlocked.Exchange(ref _dirty, 1);
    }

    /// <summary>Writes the file when something changed. IO failures are returned as a sentence (the scan goes on), else null.</summary>
    public string? Save()
    {
        if (_path is null || Interlocked.Exchange(ref _dirty, 0) == 0)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var file = new CacheFile(_fingerprint, TradingDay, new SortedDictionary<string, CachedSymbol>(_symbols, StringComparer.Ordinal));
            string temp = _path + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(file, Json));
            File.Move(temp, _path, overwrite: true);
            DeleteOldFiles();
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Interlocked.Exchange(ref _dirty, 1);
            return $"The radar cache {_path} could not be written ({ex.Message}); the next scan will ask IB again.";
        }
    }

    private void Load()
    {
        if (!File.Exists(_path))
        {
            CarryContracts();
            return;
        }

        try
        {
            CacheFile? file = JsonSerializer.Deserialize<CacheFile>(File.ReadAllText(_path!), Json);
            if (file is null || file.Fingerprint != _fingerprint || file.Day != TradingDay)
            {
                return;
            }

            foreach ((string symbol, CachedSymbol entry) in file.Symbols)
            {
                if (entry.Baseline is null || entry.Baseline.SlotVolumes.Count == SymbolBaseline.Slots)
                {
                    _symbols[symbol] = entry;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            LoadProblem = $"The radar cache {_path} could not be read ({ex.Message}); it was set aside and will be rebuilt.";
            try
            {
                File.Move(_path!, _path + ".corrupt", overwrite: true);
            }
            catch (Exception moveError) when (moveError is IOException or UnauthorizedAccessException)
            {
                // Left in place: the next save overwrites it.
            }
        }
    }

    /// <summary>
    /// Known contracts from the latest earlier file of the last week, whatever its fingerprint (contracts do not
    /// depend on the baseline settings). IB's "unknown" answers are not carried: a symbol can list overnight.
    /// </summary>
    private void CarryContracts()
    {
        string directory = Path.GetDirectoryName(_path)!;
        if (!Directory.Exists(directory))
        {
            return;
        }

        string? latest = Directory.EnumerateFiles(directory, "radar-baselines-*.json")
            .Select(f => (File: f, Day: DayOf(f)))
            .Where(x => x.Day is { } d && d < TradingDay && d >= TradingDay.AddDays(-7))
            .OrderByDescending(x => x.Day)
            .Select(x => x.File)
            .FirstOrDefault();
        if (latest is null)
        {
            return;
        }

        try
        {
            CacheFile? file = JsonSerializer.Deserialize<CacheFile>(File.ReadAllText(latest), Json);
            foreach ((string symbol, CachedSymbol entry) in file?.Symbols ?? new Dictionary<string, CachedSymbol>())
            {
                if (entry is { ConId: > 0, UnknownCode: null })
                {
                    _symbols[symbol] = entry with { Baseline = null };
                    CarriedContracts++;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // An old day's damaged file costs only contract lookups; it is deleted with the others after a week.
        }
    }

    private static DateOnly? DayOf(string file) =>
        DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(file)["radar-baselines-".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out DateOnly day) ? day : null;

    private void DeleteOldFiles()
    {
        string directory = Path.GetDirectoryName(_path)!;
        foreach (string f in Directory.EnumerateFiles(directory, "radar-baselines-*.json"))
        {
            if (DayOf(f) is { } day && day < TradingDay.AddDays(-7))
            {
                File.Delete(f);
            }
        }
    }

    private sealed record CacheFile(string Fingerprint, DateOnly Day, IDictionary<string, CachedSymbol> Symbols);
}
