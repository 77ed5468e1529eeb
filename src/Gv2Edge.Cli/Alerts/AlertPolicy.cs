using Gv2Edge.Radar.Events;

namespace Gv2Edge.Cli.Alerts;

/// <summary>How loud an event is.</summary>
public enum AlertSeverity
{
    /// <summary>Worth a line in the feed, not a notification.</summary>
    Info,

    /// <summary>Worth a notification.</summary>
    Warning,

    /// <summary>Notify at once, even inside the cooldown (halts, critical blips).</summary>
    Critical,
}

/// <summary>
/// Which events become alerts: a severity per event type (ACCELERATION and RADAR_BLIP take theirs from
/// <c>blipPriority</c>), a minimum severity, and a per-symbol cooldown measured on event time (the market clock) that
/// critical events bypass. Thread-safe.
/// </summary>
public sealed class AlertPolicy
{
    private readonly AlertOptions _options;
    private readonly Dictionary<string, DateTimeOffset> _lastAlert = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public AlertPolicy(AlertOptions? options = null) => _options = options ?? new AlertOptions();

    /// <summary>The severity of <paramref name="e"/>: from <c>blipPriority</c> when present, else the type's entry, else Info.</summary>
    public AlertSeverity SeverityOf(RadarEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Extra is not null && e.Extra.TryGetValue("blipPriority", out object? p) && p?.ToString() is { } blip)
        {
            return blip.ToUpperInvariant() switch
            {
                "CRITICAL" => AlertSeverity.Critical,
                "HIGH" => AlertSeverity.Warning,
                _ => AlertSeverity.Info,
            };
        }

        return _options.Severities.TryGetValue(e.Type, out AlertSeverity s) ? s : AlertSeverity.Info;
    }

    /// <summary>
    /// True when <paramref name="e"/> should be alerted now: severity at least <see cref="AlertOptions.MinSeverity"/> and the
    /// symbol out of its cooldown (or the event critical). A true answer starts the symbol's cooldown.
    /// </summary>
    public bool ShouldAlert(RadarEvent e, out AlertSeverity severity)
    {
        severity = SeverityOf(e);
        if (severity < _options.MinSeverity)
        {
            return false;
        }

        lock (_gate)
        {
            if (severity < AlertSeverity.Critical
                && _lastAlert.TryGetValue(e.Symbol, out DateTimeOffset last)
                && e.Time - last < _options.Cooldown)
            {
                return false;
            }

            _lastAlert[e.Symbol] = e.Time;
            return true;
        }
    }
}
