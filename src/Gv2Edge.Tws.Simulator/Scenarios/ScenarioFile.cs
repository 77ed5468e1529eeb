using System.Globalization;
using System.Text.Json;

namespace Gv2Edge.Tws.Simulator.Scenarios;

/// <summary>
/// Reads a scenario from JSON:
/// <code>
/// { "name": "my-day", "description": "what a correct radar reports", "start": "2026-11-24 09:25",
///   "events": [ { "at": "09:35", "symbol": "AMD", "kind": "volumeBurst", "multiplier": 10, "durationSeconds": 300 } ] }
/// </code>
/// <c>at</c> is a time of the start date ("HH:mm[:ss]") or a full "yyyy-MM-dd HH:mm[:ss]" (New York time). Kinds:
/// gap, volumeBurst, priceSurge, spreadTightening, newHigh, halt, callVolumeBurst, putVolumeBurst. Optional: percent, multiplier,
/// durationSeconds, strike, expiry (yyyyMMdd), contracts. Optional at the top level:
/// <c>"historicalFailures": { "SOUN": "noData", "RGTI": "noPermission" }</c>, symbols whose reqHistoricalData fails
/// (values: noData, pacingViolation, noPermission, queryCancelled, noReply; see <see cref="Faults.HistoricalFailure"/>).
/// </summary>
public static class ScenarioFile
{
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    /// <summary>Loads and validates a scenario file.</summary>
    /// <exception cref="ArgumentException">The file is not a valid scenario (the message says where).</exception>
    public static Scenario Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path), Path.GetFileName(path));
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"Scenario file {Path.GetFileName(path)} is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Parses scenario JSON; <paramref name="source"/> names it in error messages.</summary>
    public static Scenario Parse(string json, string source)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        string name = Text(root, "name") ?? Path.GetFileNameWithoutExtension(source);
        string description = Text(root, "description") ?? "";
        string startText = Text(root, "start") ?? throw new ArgumentException($"{source}: \"start\" is required (e.g. \"2026-11-24 09:25\").");
        DateTime start = ParseDateTime(startText, source, "start");
        var events = new List<ScenarioEvent>();
        if (root.TryGetProperty("events", out JsonElement list))
        {
            int i = 0;
            foreach (JsonElement e in list.EnumerateArray())
            {
                events.Add(ParseEvent(e, start, $"{source}: event {i++}"));
            }
        }

        return new Scenario(name, description, start, events) { HistoricalFailures = ParseHistoricalFailures(root, source) };
    }

    private static Dictionary<string, Faults.HistoricalFailure> ParseHistoricalFailures(JsonElement root, string source)
    {
        var failures = new Dictionary<string, Faults.HistoricalFailure>(StringComparer.OrdinalIgnoreCase);
        if (!root.TryGetProperty("historicalFailures", out JsonElement map))
        {
            return failures;
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"{source}: \"historicalFailures\" must be an object such as {{\"SOUN\": \"noData\"}}.");
        }

        foreach (JsonProperty p in map.EnumerateObject())
        {
            string? text = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
            if (string.IsNullOrWhiteSpace(p.Name) || text is null
                || int.TryParse(text, out _) || !Enum.TryParse(text, ignoreCase: true, out Faults.HistoricalFailure failure))
            {
                throw new ArgumentException(
                    $"{source}: historicalFailures \"{p.Name}\" must be one of {string.Join(", ", Enum.GetNames<Faults.HistoricalFailure>())}, not {p.Value.GetRawText()}.");
            }

            failures[p.Name.Trim().ToUpperInvariant()] = failure;
        }

        return failures;
    }

    private static ScenarioEvent ParseEvent(JsonElement e, DateTime start, string where)
    {
        string atText = Text(e, "at") ?? throw new ArgumentException($"{where}: \"at\" is required.");
        DateTime at = TimeOnly.TryParseExact(atText, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly t)
            ? DateOnly.FromDateTime(start).ToDateTime(t)
            : ParseDateTime(atText, where, "at");
        string symbol = Text(e, "symbol") ?? throw new ArgumentException($"{where}: \"symbol\" is required.");
        string kindText = Text(e, "kind") ?? throw new ArgumentException($"{where}: \"kind\" is required.");
        if (!Enum.TryParse(kindText, ignoreCase: true, out ScenarioEventKind kind) || int.TryParse(kindText, out _))
        {
            throw new ArgumentException($"{where}: unknown kind \"{kindText}\"; use one of {string.Join(", ", Enum.GetNames<ScenarioEventKind>())}.");
        }

        double? seconds = Number(e, "durationSeconds");
        return new ScenarioEvent(at, symbol.ToUpperInvariant(), kind,
            Percent: Number(e, "percent") ?? 0,
            Multiplier: Number(e, "multiplier") ?? 5,
            Duration: seconds is { } s ? TimeSpan.FromSeconds(s) : null,
            Strike: Number(e, "strike"),
            Expiry: Text(e, "expiry"),
            Contracts: (long)(Number(e, "contracts") ?? 5000));
    }

    private static DateTime ParseDateTime(string text, string where, string field)
        => DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime value)
            ? value
            : throw new ArgumentException($"{where}: \"{field}\" must look like \"2026-11-24 09:25\" (New York time), not \"{text}\".");

    private static string? Text(JsonElement e, string name)
        => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name)
        => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
