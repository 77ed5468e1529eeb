namespace Gv2Edge.Cli.Configuration;

/// <summary>
/// The gateway connection, named after the guide's <c>config.py</c> (USE_IBKR_DATA, IBKR_HOST, IBKR_PORT,
/// IBKR_CLIENT_ID, ENABLE_IBKR_STREAMING, IBKR_MAX_SUBSCRIPTIONS). Section <c>Ibkr</c>; environment variables
/// <c>EDGE_Ibkr__Port</c> etc.
/// </summary>
public sealed record IbkrSettings
{
    /// <summary>Use a real gateway (true, default) or the built-in simulator (false).</summary>
    public bool UseIbkrData { get; init; } = true;

    /// <summary>Gateway host. Default 127.0.0.1.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Gateway port. Default 4002 (IB Gateway paper). Gateway live 4001, TWS live 7496, TWS paper 7497.</summary>
    public int Port { get; init; } = 4002;

    /// <summary>Client id of <c>edge run</c>; other commands use this plus a fixed offset so they never collide.</summary>
    public int ClientId { get; init; } = 1;

    /// <summary>Persistent level-1 streaming (true) or paced snapshots (false). Default true.</summary>
    public bool EnableStreaming { get; init; } = true;

    /// <summary>Cap on persistent subscriptions (the guide's 200), also bounded by the line budget.</summary>
    public int MaxSubscriptions { get; init; } = 200;

    /// <summary>Simultaneous market-data lines of the account (IB's default 100).</summary>
    public int MaxLines { get; init; } = 100;

    /// <summary>Lines kept free for on-demand quotes, option drill-downs and radar snapshots. Default 10.</summary>
    public int ReservedLines { get; init; } = 10;

    /// <summary>live, frozen, delayed or delayed-frozen. Default live.</summary>
    public string MarketDataType { get; init; } = "live";

    /// <summary>Client messages per second (IB's cap is 50). Default 45.</summary>
    public int MessagesPerSecond { get; init; } = 45;

    /// <summary>Connect timeout in seconds. Default 10.</summary>
    public double ConnectTimeoutSeconds { get; init; } = 10;
}

/// <summary>Where the journal lives. Section <c>Journal</c>.</summary>
public sealed record JournalSettings
{
    /// <summary>SQLite file. Default: gv2-edge/journal.db under the user's local application data.</summary>
    public string? Path { get; init; }
}

/// <summary>All settings.</summary>
public sealed record EdgeSettings
{
    public IbkrSettings Ibkr { get; init; } = new();

    public JournalSettings Journal { get; init; } = new();

    /// <summary>
    /// Streaming detector thresholds (section <c>Detectors</c>, keys named as <see cref="Radar.Detectors.DetectorOptions"/>'s
    /// properties, e.g. <c>Detectors:VolumeSpikeRatio</c>). Defaults: the guide's values. Used by demo, run, stream and replay.
    /// </summary>
    public Radar.Detectors.DetectorOptions Detectors { get; init; } = new();

    /// <summary>
    /// Minute-bar baselines of the acceleration engine and the small-cap radar's filters (section <c>Engines</c>, see
    /// <see cref="EngineSettings"/>). Used by demo, run and stream.
    /// </summary>
    public EngineSettings Engines { get; init; } = new();

    /// <summary>Validates every value; throws <see cref="Infrastructure.ConfigurationException"/> naming the key.</summary>
    public void Validate()
    {
        static void Fail(string key, string message) => throw new Infrastructure.ConfigurationException($"Configuration key {key}: {message}");

        if (string.IsNullOrWhiteSpace(Ibkr.Host))
        {
            Fail("Ibkr:Host", "is empty; set it to the gateway's address, e.g. 127.0.0.1.");
        }

        if (Ibkr.Port is < 1 or > 65535)
        {
            Fail("Ibkr:Port", $"{Ibkr.Port} is not a TCP port; IB Gateway uses 4001 (live) / 4002 (paper), TWS 7496 (live) / 7497 (paper).");
        }

        if (Ibkr.ClientId is < 0 or > 999_999)
        {
            Fail("Ibkr:ClientId", $"{Ibkr.ClientId} is out of range; use a whole number from 0 to 999999.");
        }

        if (Ibkr.MaxSubscriptions is < 1 or > 10_000)
        {
            Fail("Ibkr:MaxSubscriptions", $"{Ibkr.MaxSubscriptions} is out of range; the guide's value is 200.");
        }

        if (Ibkr.MaxLines is < 1 or > 10_000)
        {
            Fail("Ibkr:MaxLines", $"{Ibkr.MaxLines} is out of range; IB's default is 100 lines.");
        }

        if (Ibkr.ReservedLines < 0 || Ibkr.ReservedLines >= Ibkr.MaxLines)
        {
            Fail("Ibkr:ReservedLines", $"{Ibkr.ReservedLines} must be at least 0 and below Ibkr:MaxLines ({Ibkr.MaxLines}).");
        }

        if (Ibkr.MessagesPerSecond is < 1 or > 50)
        {
            Fail("Ibkr:MessagesPerSecond", $"{Ibkr.MessagesPerSecond} is out of range; IB disconnects above 50 messages per second (default 45).");
        }

        if (Ibkr.MarketDataType is not ("live" or "frozen" or "delayed" or "delayed-frozen"))
        {
            Fail("Ibkr:MarketDataType", $"\"{Ibkr.MarketDataType}\" is not one of live, frozen, delayed, delayed-frozen.");
        }

        if (!(Ibkr.ConnectTimeoutSeconds > 0 && Ibkr.ConnectTimeoutSeconds <= 300))
        {
            Fail("Ibkr:ConnectTimeoutSeconds", $"{Ibkr.ConnectTimeoutSeconds} must be between 0 and 300 seconds.");
        }

        Engines.Validate();
        try
        {
            Detectors.Validate();
        }
        catch (ArgumentException ex)
        {
            // The detectors name the property; the key is that property under Detectors.
            string detail = ex.Message.Replace("Detector options: ", string.Empty, StringComparison.Ordinal);
            throw new Infrastructure.ConfigurationException($"Configuration section Detectors: {detail} (keys Detectors:<name>, e.g. EDGE_Detectors__VolumeSpikeRatio).");
        }
    }

    /// <summary>The journal file to use.</summary>
    public string JournalPath => Journal.Path is { Length: > 0 } p
        ? p
        : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "gv2-edge", "journal.db");
}
