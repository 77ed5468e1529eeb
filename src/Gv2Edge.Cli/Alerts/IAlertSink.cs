using System.Globalization;
using Gv2Edge.Radar.Events;

namespace Gv2Edge.Cli.Alerts;

/// <summary>One alert destination. <see cref="SendAsync"/> returns when the destination accepted the alert and throws otherwise.</summary>
public interface IAlertSink
{
    /// <summary>Stable name, the journal's key for this sink's deliveries: bell, webhook, discord, telegram.</summary>
    string Name { get; }

    /// <summary>Where it goes, safe to print: secrets masked.</summary>
    string Target { get; }

    /// <summary>Delivers one alert; throws <see cref="AlertDeliveryException"/> (or an I/O exception) on failure.</summary>
    Task SendAsync(AlertMessage message, CancellationToken cancellationToken);
}

/// <summary>An alert: the event, its severity, and the idempotency key receivers use to drop repeats (the event id).</summary>
public sealed record AlertMessage(RadarEvent Event, AlertSeverity Severity)
{
    /// <summary>The idempotency key: the event id, the same on every attempt.</summary>
    public string IdempotencyKey => Event.Id;

    /// <summary>One line of plain text: severity, symbol, type, reason, time in the event's offset.</summary>
    public string Text => string.Create(
        CultureInfo.InvariantCulture,
        $"[{Severity.ToString().ToUpperInvariant()}] {Event.Symbol} {Event.Type}: {Event.Reason} ({Event.Session}, {Event.Time:HH:mm:ss zzz})");
}

/// <summary>A sink refused or failed an alert; the message is safe to print (no secrets).</summary>
public sealed class AlertDeliveryException(string message) : Exception(message);

/// <summary>The terminal bell: BEL and the alert line on stderr. Name <c>bell</c>.</summary>
public sealed class TerminalBellSink(TextWriter stderr) : IAlertSink
{
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public string Name => "bell";

    /// <inheritdoc/>
    public string Target => "stderr";

    /// <inheritdoc/>
    public Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            stderr.WriteLine("\a" + message.Text);
            stderr.Flush();
        }

        return Task.CompletedTask;
    }
}
