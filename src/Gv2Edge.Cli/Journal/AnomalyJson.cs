using System.Globalization;
using Gv2Edge.Radar.Anomaly;

namespace Gv2Edge.Cli.Journal;

/// <summary>
/// The JSON shape of a radar anomaly as a line of the event stream (<c>edge demo</c>/<c>edge run</c> with
/// <c>--json</c>): the event fields (type <c>ANOMALY</c>, value = score, threshold = the score a row needs, reason =
/// the radar's reasons) then <c>types</c>, <c>score</c> and the row's figures.
/// </summary>
public static class AnomalyJson
{
    /// <summary>The line's <c>type</c>.</summary>
    public const string Type = "ANOMALY";

    private static readonly HashSet<string> Folded = new(StringComparer.Ordinal) { "session", "dataQuality", "reasons", "threshold" };

    /// <summary>The anomaly as an ordered map; <paramref name="priority"/> is the symbol's hot-list level (null: unknown).</summary>
    public static Dictionary<string, object?> ToMap(AnomalyRecord a, string? priority)
    {
        IReadOnlyDictionary<string, object?> p = a.Payload ?? new Dictionary<string, object?>();
        var map = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["time"] = a.Time,
            ["symbol"] = a.Symbol,
            ["type"] = Type,
            ["value"] = a.Score,
            ["threshold"] = Threshold(p),
            ["reason"] = Reason(a, p),
            ["session"] = p.GetValueOrDefault("session"),
            ["dataQuality"] = p.GetValueOrDefault("dataQuality"),
            ["priority"] = priority,
            ["types"] = a.Types,
            ["score"] = a.Score,
        };
        foreach ((string key, object? value) in p)
        {
            if (!Folded.Contains(key) && !map.ContainsKey(key))
            {
                map[key] = value;
            }
        }

        return map;
    }

    /// <summary>The radar's reasons joined, or a sentence built from the types and score.</summary>
    public static string Reason(AnomalyRecord a, IReadOnlyDictionary<string, object?> payload)
    {
        IEnumerable<string>? reasons = payload.GetValueOrDefault("reasons") switch
        {
            IEnumerable<string> list => list,
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } arr => arr.EnumerateArray().Select(x => x.ToString()),
            _ => null,
        };
        string joined = reasons is null ? string.Empty : string.Join("; ", reasons);
        return joined.Length > 0
            ? joined
            : string.Create(CultureInfo.InvariantCulture, $"{string.Join(",", a.Types)} on {a.Symbol}, score {a.Score:0.###}");
    }

    // Gap-scan rows carry their own threshold; a radar row is emitted from the radar's emit score.
    private static object? Threshold(IReadOnlyDictionary<string, object?> payload)
        => payload.TryGetValue("threshold", out object? t) ? t : new AnomalyOptions().EmitScore;
}
