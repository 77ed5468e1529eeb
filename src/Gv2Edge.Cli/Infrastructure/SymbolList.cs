namespace Gv2Edge.Cli.Infrastructure;

/// <summary>
/// Symbols from <c>--symbols A,B</c> or <c>--universe FILE</c> (one symbol a line, or CSV with a <c>symbol</c>
/// column; '#' starts a comment). A malformed file is a usage error naming the file and line.
/// </summary>
public static class SymbolList
{
    /// <summary>The symbols the user named, upper-cased and de-duplicated in order; empty when neither option was given.</summary>
    public static IReadOnlyList<string> FromArgs(ArgList args)
    {
        var symbols = new List<string>();
        symbols.AddRange(args.GetAll("symbols"));
        if (args.Get("universe") is { } file)
        {
            symbols.AddRange(LoadUniverse(file));
        }

        return symbols.Select(s => s.Trim().ToUpperInvariant()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads a universe file.</summary>
    public static IReadOnlyList<string> LoadUniverse(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--universe: the file {path} does not exist.");
        }

        string[] lines = File.ReadAllLines(path);
        var result = new List<string>();
        int column = -1;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] cells = line.Split(',', StringSplitOptions.TrimEntries);
            if (column < 0 && result.Count == 0 && cells.Length > 1)
            {
                column = Array.FindIndex(cells, c => c.Trim('"').Equals("symbol", StringComparison.OrdinalIgnoreCase));
                if (column < 0)
                {
                    throw new UsageException($"--universe: {path} line {i + 1} looks like a CSV header without a 'symbol' column; add one, or list one symbol a line.");
                }

                continue;
            }

            string symbol = (column >= 0 ? (column < cells.Length ? cells[column] : string.Empty) : cells[0]).Trim('"').Trim();
            if (symbol.Length is 0 or > 12 || !symbol.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ' '))
            {
                throw new UsageException($"--universe: {path} line {i + 1}: \"{symbol}\" is not a ticker symbol.");
            }

            result.Add(symbol.ToUpperInvariant());
        }

        if (result.Count == 0)
        {
            throw new UsageException($"--universe: {path} holds no symbols.");
        }

        return result;
    }
}
