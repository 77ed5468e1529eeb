using Gv2Edge.Radar.Services;

namespace Gv2Edge.Radar.Quotes;

/// <summary>
/// A universe file: one symbol a line (blank lines and <c>#</c> comments skipped), or a CSV whose header has a
/// <c>symbol</c> column. Anything else fails with a <see cref="FormatException"/> naming the line.
/// </summary>
public static class UniverseFile
{
    /// <summary>Reads the symbols of <paramref name="path"/> in file order, without duplicates.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="FormatException">Malformed content; the message names the line and what is wrong.</exception>
    public static IReadOnlyList<string> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The universe file {path} does not exist.", path);
        }

        return Parse(File.ReadAllLines(path), Path.GetFileName(path));
    }

    /// <summary>Parses the lines of a universe file (see the type's remarks).</summary>
    public static IReadOnlyList<string> Parse(IReadOnlyList<string> lines, string name)
    {
        var symbols = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int column = -1;
        bool first = true;
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (first)
            {
                first = false;
                if (line.Contains(',', StringComparison.Ordinal) || line.Equals("symbol", StringComparison.OrdinalIgnoreCase))
                {
                    string[] header = Split(line);
                    column = Array.FindIndex(header, h => h.Equals("symbol", StringComparison.OrdinalIgnoreCase));
                    if (column < 0)
                    {
                        throw new FormatException($"{name} line {i + 1}: a CSV universe needs a 'symbol' column; the header has {string.Join(", ", header.Select(h => $"'{h}'"))}.");
                    }

                    continue;
                }
            }

            string raw = column >= 0 ? Field(line, column, name, i) : line;
            if (column < 0 && line.Contains(',', StringComparison.Ordinal))
            {
                throw new FormatException($"{name} line {i + 1}: \"{line}\" has commas but the file has no CSV header with a 'symbol' column.");
            }

            string symbol;
            try
            {
                symbol = ContractResolver.Normalize(raw);
            }
            catch (SymbolException)
            {
                throw new FormatException($"{name} line {i + 1}: \"{raw}\" is not a ticker symbol (letters, digits, '.', '-').");
            }

            if (seen.Add(symbol))
            {
                symbols.Add(symbol);
            }
        }

        return symbols.Count > 0 ? symbols : throw new FormatException($"{name} holds no symbols (one a line, or a CSV with a 'symbol' column).");
    }

    private static string Field(string line, int column, string name, int index)
    {
        string[] fields = Split(line);
        return column < fields.Length
            ? fields[column]
            : throw new FormatException($"{name} line {index + 1}: has {fields.Length} fields, the 'symbol' column is number {column + 1}.");
    }

    private static string[] Split(string line) => [.. line.Split(',').Select(f => f.Trim().Trim('"'))];
}
