using Microsoft.Extensions.Logging;

namespace Gv2Edge.Cli.Alerts;

/// <summary>Alert log messages (event ids 4100–4199). Messages carry masked targets and errors only.</summary>
internal static partial class AlertLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Alert {EventId} to {Sink} failed (attempt {Attempt}): {Error}; retrying in {RetryIn}")]
    public static partial void DeliveryFailed(ILogger logger, string eventId, string sink, int attempt, string error, TimeSpan retryIn);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Alert {EventId} delivered to {Sink} after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, string eventId, string sink, int attempts);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Alert sink {Sink} -> {Target}")]
    public static partial void SinkConfigured(ILogger logger, string sink, string target);
}
