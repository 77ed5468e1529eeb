using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Radar.Events;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>
/// Standard output of a running pipeline, shared by the event loop and the scans: one event or anomaly a line (JSON
/// lines with <c>--json</c>), nothing while the dashboard draws. Lines never interleave, and none comes after
/// <see cref="Close"/> (the summary is the last line).
/// </summary>
public sealed class EventOutput(CommandContext ctx, bool dashboard)
{
    private readonly Lock _gate = new();
    private bool _closed;

    /// <summary>Anomaly lines written.</summary>
    public long Anomalies { get; private set; }

    /// <summary>Writes one event.</summary>
    public void WriteEvent(RadarEvent e) => Write(() => ctx.JsonOutput ? EventJson.Serialize(e) : PipelineRunner.FormatLine(e));

    /// <summary>Writes one radar anomaly (type <c>ANOMALY</c>); <paramref name="priority"/> is the symbol's hot-list level.</summary>
    public void WriteAnomaly(AnomalyRecord a, string? priority)
    {
        Write(() =>
        {
            Dictionary<string, object?> map = AnomalyJson.ToMap(a, priority);
            return ctx.JsonOutput ? Json.Serialize(map, indented: false) : FormatAnomaly(a, map);
        });
        lock (_gate)
        {
            Anomalies++;
        }
    }

    /// <summary>No more lines: the summary follows.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
        }
    }

    /// <summary>One readable line for an anomaly, in the layout of the event lines.</summary>
    public static string FormatAnomaly(AnomalyRecord a, IReadOnlyDictionary<string, object?> map)
    {
        string time = Market.ExchangeTime.ToExchange(a.Time).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        string session = map.GetValueOrDefault("session") as string ?? "";
        string priority = map.GetValueOrDefault("priority") as string ?? "";
        return $"{time} {session,-6} {a.Symbol,-6} {AnomalyJson.Type,-17} {priority,-6} score {a.Score:0.00} {string.Join(",", a.Types)}: {map["reason"]}";
    }

    private void Write(Func<string> line)
    {
        if (dashboard)
        {
            return;
        }

        lock (_gate)
        {
            if (!_closed)
            {
                ctx.Out.WriteLine(line());
            }
        }
    }
}
