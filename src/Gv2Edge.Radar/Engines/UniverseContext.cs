using System.Globalization;
using System.Text;

namespace Gv2Edge.Radar.Engines;

/// <summary>
/// What a universe CSV says about each symbol for the small-cap radar's filters: average daily volume, market cap
/// and float, when the file has those columns (<c>avgDailyVolume</c> or <c>avgVolume</c>, <c>marketCap</c>,
/// <c>float</c>; names are case-insensitive). A file without them, or an empty cell, leaves that filter off for
/// the symbol. A plain list of symbols gives no context at all.
/// </summary>
public sealed class UniverseContext
{
    private static readonly string[] AvgVolumeNames = ["avgDailyVolume", "avgVolume", "averageVolume"];
    private static readonly string[] MarketCapNames = ["marketCap"];
    private static readonly string[] FloatNames = ["float", "floatShares"];
    private readonly Dictionary<string, SymbolContext> _bySymbol;

    private UniverseContext(Dictionary<string, SymbolContext> bySymbol, IReadOnlyList<string> columns)
    {
        _bySymbol = bySymbol;
        Columns = columns;
    }

    /// <summary>An empty context (no filter beyond price).</summary>
    public static UniverseContext Empty { get; } = new(new Dictionary<string, SymbolContext>(StringComparer.OrdinalIgnoreCase), []);

    /// <summary>Symbols with at least one known value.</summary>
    public int Count => _bySymbol.Count;

    /// <summary>The context columns the file had ("avgVolume", "marketCap", "float").</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The symbol's context, or null when the file says nothing about it.</summary>
    public SymbolContext? For(string symbol) => _bySymbol.GetValueOrDefault(symbol);

    /// <summary>
    /// A context from rows already read elsewhere (e.g. the simulator's shipped universe); rows without any value are
    /// left out, like empty cells in a file. The columns are those at least one row has.
    /// </summary>
    public static UniverseContext From(IEnumerable<KeyValuePair<string, SymbolContext>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var map = new Dictionary<string, SymbolContext>(StringComparer.OrdinalIgnoreCase);
        foreach ((string symbol, SymbolContext context) in rows)
        {
            if (context.AvgVolume is not null || context.MarketCap is not null || context.Float is not null)
            {
                map[symbol.Trim().ToUpperInvariant()] = context;
            }
        }

        var columns = new List<string>();
        AddIf(columns, "avgVolume", map.Values.Any(c => c.AvgVolume is not null));
        AddIf(columns, "marketCap", map.Values.Any(c => c.MarketCap is not null));
        AddIf(columns, "float", map.Values.Any(c => c.Float is not null));
        return new UniverseContext(map, columns);
    }

    /// <summary>Symbols whose market cap and float are both known (the rest are screened on what is known only).</summary>
    public int CountWithCapAndFloat => _bySymbol.Values.Count(c => c.MarketCap is not null && c.Float is not null);

    /// <summary>Reads a universe file.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="FormatException">A context cell is not a non-negative number; the message names the line and column.</exception>
    public static UniverseContext Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The universe file {path} does not exist.", path);
        }

        return Parse(File.ReadAllLines(path), Path.GetFileName(path));
    }

    /// <summary>Parses the lines of a universe file; <paramref name="name"/> names it in error messages.</summary>
    public static UniverseContext Parse(IReadOnlyList<string> lines, string name)
    {
        ArgumentNullException.ThrowIfNull(lines);
        int headerLine = -1;
        for (int i = 0; i < lines.Count && headerLine < 0; i++)
        {
            string t = lines[i].Trim().TrimStart('\uFEFF');
            if (t.Length > 0 && !t.StartsWith('#'))
            {
                headerLine = i;
            }
        }

        if (headerLine < 0 || !lines[headerLine].Contains(',', StringComparison.Ordinal))
        {
            return Empty;
        }

        string[] header = Split(lines[headerLine].Trim().TrimStart('\uFEFF'));
        int symbol = Find(header, ["symbol"]);
        int avg = Find(header, AvgVolumeNames), cap = Find(header, MarketCapNames), flt = Find(header, FloatNames);
        if (symbol < 0 || (avg < 0 && cap < 0 && flt < 0))
        {
            return Empty;
        }

        var map = new Dictionary<string, SymbolContext>(StringComparer.OrdinalIgnoreCase);
        for (int i = headerLine + 1; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] cells = Split(line);
            string sym = symbol < cells.Length ? cells[symbol].Trim().ToUpperInvariant() : "";
            if (sym.Length == 0)
            {
                continue;
            }

            var context = new SymbolContext
            {
                AvgVolume = Number(cells, avg, header, name, i),
                MarketCap = Number(cells, cap, header, name, i),
                Float = Number(cells, flt, header, name, i),
            };
            if (context.AvgVolume is not null || context.MarketCap is not null || context.Float is not null)
            {
                map[sym] = context;
            }
        }

        var columns = new List<string>();
        AddIf(columns, "avgVolume", avg >= 0);
        AddIf(columns, "marketCap", cap >= 0);
        AddIf(columns, "float", flt >= 0);
        return new UniverseContext(map, columns);
    }

    private static void AddIf(List<string> columns, string name, bool present)
    {
        if (present)
        {
            columns.Add(name);
        }
    }

    private static int Find(string[] header, string[] names) =>
        Array.FindIndex(header, h => names.Any(n => n.Equals(h.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static double? Number(string[] cells, int column, string[] header, string name, int line)
    {
        if (column < 0 || column >= cells.Length || cells[column].Trim().Length == 0)
        {
            return null;
        }

        string text = cells[column].Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v < 0)
        {
            throw new FormatException($"{name} line {line + 1}: {header[column].Trim()} \"{text}\" is not a non-negative number.");
        }

        return v;
    }

    // Comma-separated cells; a cell in double quotes may contain commas ("" is a quote).
    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
