using Gv2Edge.Radar.Quotes;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Scan;

/// <summary>One symbol to scan.</summary>
/// <param name="Symbol">Upper-case ticker.</param>
/// <param name="Contract">A contract already known (a scanner row carries one), or null to qualify the symbol.</param>
/// <param name="Filtered">True for universe and scanner symbols (price and volume filters apply); false for symbols named explicitly.</param>
public sealed record RadarTarget(string Symbol, Contract? Contract, bool Filtered);

/// <summary>Where a scan's symbols come from: a list named explicitly, a universe file, or the shipped default universe.</summary>
public static class RadarUniverse
{
    private const string DefaultResource = "Gv2Edge.Radar.Scan.Data.small-caps.txt";

    /// <summary>Symbols named explicitly: never filtered out.</summary>
    public static IReadOnlyList<RadarTarget> Named(IEnumerable<string> symbols) => Distinct(symbols, filtered: false);

    /// <summary>A universe file (see <see cref="UniverseFile"/>): price and volume filters apply.</summary>
    public static IReadOnlyList<RadarTarget> FromFile(string path) => Distinct(UniverseFile.Load(path), filtered: true);

    /// <summary>The shipped default universe: US small caps priced under $20 (about 240 symbols); filters apply.</summary>
    public static IReadOnlyList<RadarTarget> Default()
    {
        using Stream stream = typeof(RadarUniverse).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The default universe ({DefaultResource}) is missing from the build.");
        using var reader = new StreamReader(stream);
        string[] lines = reader.ReadToEnd().Split('\n');
        return Distinct(UniverseFile.Parse(lines, "default universe"), filtered: true);
    }

    private static List<RadarTarget> Distinct(IEnumerable<string> symbols, bool filtered)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var targets = new List<RadarTarget>();
        foreach (string raw in symbols)
        {
            string s = raw.Trim().ToUpperInvariant();
            if (s.Length > 0 && seen.Add(s))
            {
                targets.Add(new RadarTarget(s, null, filtered));
            }
        }

        return targets;
    }
}
