using System.Text.Json;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Radar.Events;

namespace Gv2Edge.Cli.Journal;

/// <summary>
/// The one JSON shape of an event (CLI contract: time, symbol, type, value, threshold, reason, session, dataQuality,
/// priority, then the type-specific fields), shared by <c>edge journal --json</c> and the webhook body.
/// </summary>
public static class EventJson
{
    private static readonly string[] CoreKeys = ["id", "time", "symbol", "type", "value", "threshold", "reason", "session", "dataQuality", "priority"];

    /// <summary>The event as an ordered map ready to serialise; extra fields never override the core ones.</summary>
    public static Dictionary<string, object?> ToMap(RadarEvent e)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = e.Id,
            ["time"] = e.Time,
            ["symbol"] = e.Symbol,
            ["type"] = e.Type,
            ["value"] = Finite(e.Value),
            ["threshold"] = Finite(e.Threshold),
            ["reason"] = e.Reason,
            ["session"] = e.Session,
            ["dataQuality"] = e.DataQuality,
            ["priority"] = e.Priority,
        };
        if (e.Extra is not null)
        {
            foreach ((string key, object? value) in e.Extra)
            {
                if (!CoreKeys.Contains(key, StringComparer.Ordinal))
                {
                    map[key] = value;
                }
            }
        }

        return map;
    }

    /// <summary>One compact JSON line for the event.</summary>
    public static string Serialize(RadarEvent e) => Json.Serialize(ToMap(e), indented: false);

    /// <summary>Serialises a free-form map (Extra, payloads) for storage; null stays null.</summary>
    public static string? SerializeMap(IReadOnlyDictionary<string, object?>? map)
        => map is null ? null : JsonSerializer.Serialize(map, Json.Lines);

    /// <summary>Reads a stored map back: numbers, strings, booleans and nulls as CLR values, nested values as <see cref="JsonElement"/>.</summary>
    public static IReadOnlyDictionary<string, object?>? DeserializeMap(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using JsonDocument doc = JsonDocument.Parse(json);
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (JsonProperty p in doc.RootElement.EnumerateObject())
        {
            map[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number when p.Value.TryGetInt64(out long l) => l,
                JsonValueKind.Number => p.Value.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => p.Value.Clone(),
            };
        }

        return map;
    }

    private static double? Finite(double? v) => v is { } d && double.IsFinite(d) ? d : null;
}
