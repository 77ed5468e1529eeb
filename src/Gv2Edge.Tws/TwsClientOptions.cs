using Gv2Edge.Market;
using Gv2Edge.Tws.Connection;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Pacing;
using Gv2Edge.Tws.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gv2Edge.Tws;

/// <summary>
/// Settings of a <see cref="TwsClient"/>. Immutable; every member has a documented default, so
/// <c>new TwsClientOptions()</c> connects to a local IB Gateway (paper port 4002) as client 1.
/// </summary>
public sealed record TwsClientOptions
{
    /// <summary>Gateway host. Default 127.0.0.1.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Gateway API port. Default 4002 (IB Gateway paper; 4001 live, 7497/7496 TWS).</summary>
    public int Port { get; init; } = 4002;

    /// <summary>API client id; unique per application on one gateway. Default 1.</summary>
    public int ClientId { get; init; } = 1;

    /// <summary>Time allowed for one connect attempt: socket, handshake, nextValidId and managedAccounts. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Outgoing message rate, 1–49 per second, evenly spaced. Default 45 (IB disconnects above 50).</summary>
    public int MessagesPerSecond { get; init; } = MessagePacer.DefaultMessagesPerSecond;

    /// <summary>Market-data lines the account allows. Default 100 (IB's default); lowered automatically on error 101.</summary>
    public int MaxLines { get; init; } = 100;

    /// <summary>Lines kept free for on-demand requests (quotes, option drill-downs, snapshots). Default 10.</summary>
    public int ReservedLines { get; init; } = 10;

    /// <summary>Market data type asked for after every connect. Default <see cref="MarketDataType.Live"/>.</summary>
    public MarketDataType MarketDataType { get; init; } = MarketDataType.Live;

    /// <summary>
    /// Receive on a dedicated thread that also runs the read loop (ticks reach subscribers after one thread wake-up
    /// instead of two), rather than on the runtime's socket events and thread pool. Only for the built-in TCP transport
    /// (ignored when <see cref="Transport"/> is set). Default false.
    /// </summary>
    public bool ReaderThread { get; init; }

    /// <summary>How often a reqCurrentTime round trip checks the connection; an unanswered one reconnects. Default 30 s.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Delays before reconnect attempts; the last repeats forever. Default 1, 2, 5, 10, 30 s.</summary>
    public IReadOnlyList<TimeSpan> ReconnectDelays { get; init; } = ReconnectPolicy.DefaultDelays;

    /// <summary>Random spread of each reconnect delay, as a fraction. Default 0.2 (±20 %).</summary>
    public double ReconnectJitter { get; init; } = 0.2;

    /// <summary>How often subscriptions are checked for silence. Default 5 s.</summary>
    public TimeSpan LivenessCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Silence that makes a subscription stale during regular hours. Default 60 s.</summary>
    public TimeSpan SilenceThresholdRegular { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Silence that makes a subscription stale in pre-market and after hours. Default 5 min.</summary>
    public TimeSpan SilenceThresholdExtended { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Silence that makes a subscription stale while the market is closed. Default: never (no data is expected).</summary>
    public TimeSpan SilenceThresholdClosed { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Capacity of <see cref="TwsClient.Updates"/> (one entry per updated subscription at most). Default 4096.</summary>
    public int UpdateChannelCapacity { get; init; } = 4096;

    /// <summary>Clock. Default system.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The clock outgoing messages and historical requests are paced on. Default null: <see cref="TimeProvider"/>.
    /// A gateway counts its limits in real seconds, so a client whose <see cref="TimeProvider"/> is an accelerated
    /// market clock (the in-process simulator at 30x) paces on the real clock instead, or 45 messages a market second
    /// would be 1,350 a real one.
    /// </summary>
    public TimeProvider? PacingTimeProvider { get; init; }

    /// <summary>Logging. Default none.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The trading-session calendar used for silence thresholds. Default: the US equity calendar.</summary>
    public UsEquitySessions? Sessions { get; init; }

    /// <summary>How a connection is opened. Default: TCP to <see cref="Host"/>:<see cref="Port"/>.</summary>
    public TwsTransportFactory? Transport { get; init; }

    /// <summary>Seed for the reconnect jitter (tests). Default: none (random).</summary>
    public int? JitterSeed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> with a plain-words message for any bad setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("Host is empty; use the gateway's address, e.g. 127.0.0.1.");
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException($"Port {Port} is not a TCP port; IB Gateway listens on 4001 (live) or 4002 (paper).");
        }

        if (ClientId < 0)
        {
            throw new ArgumentException($"Client id {ClientId} is negative; use 0 or more.");
        }

        if (ConnectTimeout <= TimeSpan.Zero || HeartbeatInterval <= TimeSpan.Zero || LivenessCheckInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("ConnectTimeout, HeartbeatInterval and LivenessCheckInterval must be positive.");
        }

        if (MessagesPerSecond is < 1 or >= MessagePacer.GatewayLimitPerSecond)
        {
            throw new ArgumentException($"MessagesPerSecond {MessagesPerSecond} must be 1–49: IB disconnects clients above 50 per second.");
        }

        if (MaxLines < 1 || ReservedLines < 0 || ReservedLines > MaxLines)
        {
            throw new ArgumentException($"MaxLines {MaxLines} must be at least 1 and ReservedLines {ReservedLines} between 0 and MaxLines.");
        }

        if (MarketDataType == MarketDataType.Unknown || !Enum.IsDefined(MarketDataType))
        {
            throw new ArgumentException("MarketDataType must be Live, Frozen, Delayed or DelayedFrozen.");
        }

        if (UpdateChannelCapacity < 1)
        {
            throw new ArgumentException("UpdateChannelCapacity must be at least 1.");
        }

        _ = new ReconnectPolicy(ReconnectDelays, ReconnectJitter);
    }
}
