using System.Globalization;

namespace Gv2Edge.Cli.Dashboard;

/// <summary>Cell texts shared by the rich and the plain renderers. Unknown values show as "-", never 0.</summary>
internal static class DashboardFormat
{
    public const string Unknown = "-";

    public static string Price(double? v) => v is { } d && double.IsFinite(d) ? d.ToString(d >= 1000 ? "0.0" : "0.00", CultureInfo.InvariantCulture) : Unknown;

    public static string SignedPct(double? v) => v is { } d && double.IsFinite(d) ? d.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : Unknown;

    public static string Pct(double? v) => v is { } d && double.IsFinite(d) ? d.ToString("0.00", CultureInfo.InvariantCulture) : Unknown;

    public static string Ratio(double? v) => v is { } d && double.IsFinite(d) ? d.ToString("0.0", CultureInfo.InvariantCulture) + "x" : Unknown;

    public static string Score(double v) => double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : Unknown;

    public static string Number(double? v, string format) => v is { } d && double.IsFinite(d) ? d.ToString(format, CultureInfo.InvariantCulture) : Unknown;

    public static string Clock(SessionClock? c)
    {
        if (c is null)
        {
            return "clock unknown";
        }

        string next = c.Session is "RTH" or "PRE" && c.NextClose is { } close
            ? "close " + close.ToString(close.Date == c.Now.Date ? "HH:mm" : "ddd HH:mm", CultureInfo.InvariantCulture)
            : c.NextOpen is { } open ? "open " + open.ToString(open.Date == c.Now.Date ? "HH:mm" : "ddd HH:mm", CultureInfo.InvariantCulture) : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{c.Now:ddd HH:mm:ss} ET  {c.Session}  {next}").TrimEnd();
    }

    public static string Connection(ConnectionStatus c) => string.Create(
        CultureInfo.InvariantCulture,
        $"{c.State}  v{(c.ServerVersion?.ToString(CultureInfo.InvariantCulture) ?? Unknown)}  {Number(c.LatencyMs, "0")} ms  lines {(c.LinesUsed?.ToString(CultureInfo.InvariantCulture) ?? Unknown)} used {(c.LinesFree?.ToString(CultureInfo.InvariantCulture) ?? Unknown)} free  {Number(c.MessagesPerSecond, "0.0")} msg/s  reconnects {c.Reconnects}");

    public static string Counters(DashboardCounters c) => string.Create(
        CultureInfo.InvariantCulture,
        $"ticks {c.Ticks:N0}  events {c.Events:N0}  alerts {c.Alerts:N0} ({c.AlertsPending:N0} pending)  dropped {c.DroppedEvents:N0}  subs {c.Subscriptions}");

    public static string Fit(string text, int width)
        => width <= 0 ? string.Empty : text.Length <= width ? text : width == 1 ? "…" : text[..(width - 1)] + "…";
}
