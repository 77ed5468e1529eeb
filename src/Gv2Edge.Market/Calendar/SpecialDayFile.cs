using System.Globalization;

namespace Gv2Edge.Market;

/// <summary>
/// Reads lists of special days. Format, one day a line: <c>yyyy-MM-dd,closed|early,Name</c>; blank lines and
/// lines starting with <c>#</c> are ignored; the name may contain commas.
/// </summary>
public static class SpecialDayFile
{
    /// <summary>Parses special days from text. Throws <see cref="FormatException"/> naming the source and line.</summary>
    /// <param name="text">The file content.</param>
    /// <param name="source">A name for error messages (a file name).</param>
    public static IReadOnlyList<SpecialDay> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var days = new List<SpecialDay>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(',', 3, StringSplitOptions.TrimEntries);
            if (parts.Length < 3 || parts[2].Length == 0)
            {
                throw Error(source, lineNumber, "expected 'yyyy-MM-dd,closed|early,Name'", line);
            }

            if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Error(source, lineNumber, $"'{parts[0]}' is not a date (yyyy-MM-dd)", line);
            }

            var kind = parts[1].ToLowerInvariant() switch
            {
                "closed" => SpecialDayKind.Closed,
                "early" => SpecialDayKind.EarlyClose,
                _ => throw Error(source, lineNumber, $"'{parts[1]}' is not a kind (closed or early)", line),
            };
            days.Add(new SpecialDay(date, kind, parts[2]));
        }

        return days;
    }

    /// <summary>Reads and parses a special-day file. Throws <see cref="FormatException"/> or an I/O exception.</summary>
    public static IReadOnlyList<SpecialDay> Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>The one-off closures and early closes shipped with the library (NYSE history since 2000).</summary>
    public static IReadOnlyList<SpecialDay> BuiltIn { get; } = LoadBuiltIn();

    private static IReadOnlyList<SpecialDay> LoadBuiltIn()
    {
        const string name = "Gv2Edge.Market.Calendar.special-days.csv";
        using var stream = typeof(SpecialDayFile).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from Gv2Edge.Market.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "special-days.csv");
    }

    private static FormatException Error(string source, int line, string problem, string text) =>
        new($"{source}, line {line}: {problem}: \"{text}\"");
}
