using System.Globalization;
using System.Text;
using Gv2Edge.Radar.Events;

namespace Gv2Edge.Cli.Journal;

/// <summary>Text renderings of journaled events for <c>edge journal</c>: CSV (RFC 4180, with a header) and plain lines.</summary>
public static class JournalFormat
{
    /// <summary>The CSV header line.</summary>
    public const string CsvHeader = "id,time,symbol,type,value,threshold,reason,session,dataQuality,priority,extra";

    /// <summary>One CSV record (no line break). Empty fields are unknown values; <c>extra</c> is a JSON object.</summary>
    public static string CsvLine(RadarEvent e)
    {
        var sb = new StringBuilder();
        string[] fields =
        [
            e.Id,
            e.Time.ToString("o", CultureInfo.InvariantCulture),
            e.Symbol,
            e.Type,
            Number(e.Value),
            Number(e.Threshold),
            e.Reason,
            e.Session,
            e.DataQuality,
            e.Priority,
            EventJson.SerializeMap(e.Extra) ?? string.Empty,
        ];
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(CsvField(fields[i]));
        }

        return sb.ToString();
    }

    /// <summary>One human line: time, symbol, type, priority, reason.</summary>
    public static string PlainLine(RadarEvent e)
        => string.Create(CultureInfo.InvariantCulture, $"{e.Time:yyyy-MM-dd HH:mm:ss zzz}  {e.Symbol,-6} {e.Type,-17} {e.Priority,-6} {e.Session,-6} {e.Reason}");

    /// <summary>Quotes a CSV field when it holds a comma, a quote or a line break.</summary>
    public static string CsvField(string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Number(double? v) => v is { } d && double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
}
