using System.Globalization;
using Gv2Edge.Radar.Events;

namespace Gv2Edge.Cli.Journal;

/// <summary>
/// <c>edge journal</c>'s renderings of every kind of row. JSON: each row carries <c>kind</c> (event, anomaly, flow,
/// connection, alert) beside its own fields. CSV: one header for all kinds (the event columns, then <c>kind</c>),
/// each kind filling the columns that fit it and putting the rest in <c>extra</c>.
/// </summary>
public static class JournalEntryFormat
{
    /// <summary>The CSV header: the event columns, then the kind.</summary>
    public const string CsvHeader = JournalFormat.CsvHeader + ",kind";

    /// <summary>The row as an ordered JSON map.</summary>
    public static Dictionary<string, object?> ToMap(JournalEntry entry)
    {
        Dictionary<string, object?> map = entry.Item switch
        {
            RadarEvent e => EventJson.ToMap(e),
            AnomalyRecord a => AnomalyJson.ToMap(a, null),
            FlowSignalRecord f => Flow(f),
            ConnectionChangeRecord c => new(StringComparer.Ordinal)
            {
                ["time"] = c.Time,
                ["state"] = c.State,
                ["detail"] = c.Detail,
                ["serverVersion"] = c.ServerVersion,
            },
            AlertEntry d => Alert(d),
            _ => throw new ArgumentException($"Unknown journal row {entry.Item.GetType().Name}.", nameof(entry)),
        };
        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["kind"] = entry.KindWord }.Concat(map.Where(kv => kv.Key != "kind"))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>One CSV record (no line break) under <see cref="CsvHeader"/>.</summary>
    public static string CsvLine(JournalEntry entry)
    {
        if (entry.Item is RadarEvent e)
        {
            return JournalFormat.CsvLine(e) + "," + entry.KindWord;
        }

        Dictionary<string, object?> map = ToMap(entry);
        string[] columns = ["id", "time", "symbol", "type", "value", "threshold", "reason", "session", "dataQuality", "priority"];
        var cells = columns.Select(c => Cell(Column(entry, map, c))).ToList();
        var extra = map.Where(kv => kv.Key != "kind" && !columns.Contains(kv.Key, StringComparer.Ordinal) && !Folded(entry, kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        cells.Add(extra.Count == 0 ? string.Empty : EventJson.SerializeMap(extra)!);
        cells.Add(entry.KindWord);
        return string.Join(',', cells.Select(JournalFormat.CsvField));
    }

    /// <summary>One human line.</summary>
    public static string PlainLine(JournalEntry entry) => entry.Item switch
    {
        RadarEvent e => JournalFormat.PlainLine(e),
        AnomalyRecord a => Line(a.Time, a.Symbol, AnomalyJson.Type, string.Create(CultureInfo.InvariantCulture,
            $"score {a.Score:0.00} {string.Join(",", a.Types)}: {AnomalyJson.Reason(a, a.Payload ?? new Dictionary<string, object?>())}")),
        FlowSignalRecord f => Line(f.Time, f.Symbol, f.Type, string.Create(CultureInfo.InvariantCulture, $"flow score {f.Score:0.00}: {f.Reason}")),
        ConnectionChangeRecord c => Line(c.Time, "-", "CONNECTION", c.Detail is null ? c.State : $"{c.State}: {c.Detail}"),
        AlertEntry d => Line(d.Updated, d.Symbol, "ALERT", AlertText(d)),
        _ => entry.Item.ToString() ?? string.Empty,
    };

    private static string Line(DateTimeOffset time, string symbol, string what, string text)
        => string.Create(CultureInfo.InvariantCulture, $"{time:yyyy-MM-dd HH:mm:ss zzz}  {symbol,-6} {what,-17} {text}");

    private static string AlertText(AlertEntry d)
    {
        string status = d.Delivery.Status == DeliveryStatus.Delivered ? "delivered" : "undelivered";
        string error = d.Delivery.LastError is null ? string.Empty : $" (last error: {d.Delivery.LastError})";
        return string.Create(CultureInfo.InvariantCulture, $"{d.Type} {d.Delivery.EventId} to {d.Delivery.Sink}: {status} after {d.Delivery.Attempts} attempt(s){error}");
    }

    private static Dictionary<string, object?> Flow(FlowSignalRecord f)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["time"] = f.Time,
            ["symbol"] = f.Symbol,
            ["type"] = f.Type,
            ["score"] = f.Score,
            ["value"] = f.Value,
            ["threshold"] = f.Threshold,
            ["reason"] = f.Reason,
        };
        foreach ((string key, object? value) in f.Payload ?? new Dictionary<string, object?>())
        {
            map.TryAdd(key, value);
        }

        return map;
    }

    private static Dictionary<string, object?> Alert(AlertEntry d) => new(StringComparer.Ordinal)
    {
        ["time"] = d.Updated,
        ["eventId"] = d.Delivery.EventId,
        ["symbol"] = d.Symbol,
        ["type"] = d.Type,
        ["sink"] = d.Delivery.Sink,
        ["status"] = d.Delivery.Status == DeliveryStatus.Delivered ? "delivered" : "undelivered",
        ["attempts"] = d.Delivery.Attempts,
        ["lastError"] = d.Delivery.LastError,
        ["nextRetry"] = d.Delivery.NextRetry,
        ["created"] = d.Created,
    };

    // What each kind puts in the shared columns: a connection's state is its type and its detail the reason; an alert's id is its event's.
    private static object? Column(JournalEntry entry, Dictionary<string, object?> map, string column) => (entry.Kind, column) switch
    {
        (JournalKind.Connection, "type") => map["state"],
        (JournalKind.Connection, "reason") => map["detail"],
        (JournalKind.Alert, "id") => map["eventId"],
        (JournalKind.Alert, "reason") => AlertText((AlertEntry)entry.Item),
        _ => map.GetValueOrDefault(column),
    };

    private static bool Folded(JournalEntry entry, string key) => (entry.Kind, key) switch
    {
        (JournalKind.Connection, "state" or "detail") => true,
        (JournalKind.Alert, "eventId") => true,
        _ => false,
    };

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        DateTimeOffset t => t.ToString("o", CultureInfo.InvariantCulture),
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(",", list),
        _ => value.ToString() ?? string.Empty,
    };
}
