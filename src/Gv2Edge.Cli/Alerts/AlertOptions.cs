using System.Globalization;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Radar.Events;

namespace Gv2Edge.Cli.Alerts;

/// <summary>Alert rules and delivery timing. Immutable; every value has a default.</summary>
public sealed record AlertOptions
{
    /// <summary>Default severities: halts critical; price moves, volume spikes and resumptions warnings; the rest info.</summary>
    public static readonly IReadOnlyDictionary<string, AlertSeverity> DefaultSeverities = new Dictionary<string, AlertSeverity>(StringComparer.OrdinalIgnoreCase)
    {
        [EventTypes.Halted] = AlertSeverity.Critical,
        [EventTypes.Resumed] = AlertSeverity.Warning,
        [EventTypes.PriceSurge] = AlertSeverity.Warning,
        [EventTypes.PriceDrop] = AlertSeverity.Warning,
        [EventTypes.VolumeSpike] = AlertSeverity.Warning,
        [EventTypes.NewHigh] = AlertSeverity.Info,
        [EventTypes.SpreadTightening] = AlertSeverity.Info,
        [EventTypes.Stale] = AlertSeverity.Info,
        [EventTypes.Acceleration] = AlertSeverity.Warning,
        [EventTypes.RadarBlip] = AlertSeverity.Info,
    };

    /// <summary>Severity per event type. Default <see cref="DefaultSeverities"/>.</summary>
    public IReadOnlyDictionary<string, AlertSeverity> Severities { get; init; } = DefaultSeverities;

    /// <summary>Events below this severity are journaled but not alerted. Default Warning (env EDGE_ALERTS_MIN_SEVERITY).</summary>
    public AlertSeverity MinSeverity { get; init; } = AlertSeverity.Warning;

    /// <summary>At most one non-critical alert per symbol in this window. Default 60 s (env EDGE_ALERTS_COOLDOWN_SECONDS).</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait before the first retry; doubles each failure. Default 2 s.</summary>
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between retries; deliveries are never abandoned. Default 5 min.</summary>
    public TimeSpan RetryCap { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>One attempt fails after this long without an answer. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the attempt following failure number <paramref name="failures"/> (1-based): base·2^(n−1), capped.</summary>
    public TimeSpan RetryDelay(int failures)
    {
        double seconds = RetryBase.TotalSeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, RetryCap.TotalSeconds));
    }

    /// <summary>
    /// Defaults overridden by EDGE_ALERTS_MIN_SEVERITY (info, warning, critical) and EDGE_ALERTS_COOLDOWN_SECONDS.
    /// Throws <see cref="ConfigurationException"/> naming the variable.
    /// </summary>
    public static AlertOptions FromEnvironment(Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var options = new AlertOptions();
        if (env("EDGE_ALERTS_MIN_SEVERITY") is { Length: > 0 } min)
        {
            options = options with
            {
                MinSeverity = Enum.TryParse(min, ignoreCase: true, out AlertSeverity s) && Enum.IsDefined(s)
                    ? s
                    : throw new ConfigurationException($"EDGE_ALERTS_MIN_SEVERITY: \"{min}\" is not one of info, warning, critical."),
            };
        }

        if (env("EDGE_ALERTS_COOLDOWN_SECONDS") is { Length: > 0 } cd)
        {
            options = options with
            {
                Cooldown = double.TryParse(cd, NumberStyles.Float, CultureInfo.InvariantCulture, out double sec) && sec is >= 0 and <= 86_400
                    ? TimeSpan.FromSeconds(sec)
                    : throw new ConfigurationException($"EDGE_ALERTS_COOLDOWN_SECONDS: \"{cd}\" must be a number of seconds from 0 to 86400 (default 60)."),
            };
        }

        return options;
    }
}
