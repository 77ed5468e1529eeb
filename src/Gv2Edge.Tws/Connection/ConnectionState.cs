namespace Gv2Edge.Tws.Connection;

/// <summary>Where the client's session with the gateway stands.</summary>
public enum ConnectionState
{
    /// <summary>Not connected and not trying (before the first connect, or after dispose).</summary>
    Disconnected,

    /// <summary>First connect in progress (socket, handshake, waiting for nextValidId and managedAccounts).</summary>
    Connecting,

    /// <summary>Ready: the handshake is done and both nextValidId and managedAccounts arrived.</summary>
    Connected,

    /// <summary>The session was lost (or the first connect failed); waiting for or running the next attempt.</summary>
    Reconnecting,
}

/// <summary>One state change, with the reason and when it happened.</summary>
/// <param name="Previous">The state left.</param>
/// <param name="Current">The state entered.</param>
/// <param name="Reason">Why, in plain words.</param>
/// <param name="At">When (client clock).</param>
public sealed record ConnectionStateChange(ConnectionState Previous, ConnectionState Current, string Reason, DateTimeOffset At);
