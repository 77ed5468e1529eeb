namespace Gv2Edge.Tws.Errors;

/// <summary>How much an IB code matters to the request or stream it names.</summary>
public enum TwsErrorSeverity
{
    /// <summary>Fails the request (or ends the stream) it names.</summary>
    Error,

    /// <summary>Worth a log line and, for some codes, a reaction (stale marks, resubscribe); the request lives on.</summary>
    Warning,

    /// <summary>Purely informational (farm OK, connectivity maintained).</summary>
    Info,
}
