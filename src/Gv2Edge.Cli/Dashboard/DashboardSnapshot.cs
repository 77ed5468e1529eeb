namespace Gv2Edge.Cli.Dashboard;

/// <summary>
/// Everything the dashboard shows at one instant. Immutable: the pipeline builds a new one (or reuses an unchanged
/// one) and the render loop reads whichever is latest, so no rendering ever races a writer.
/// </summary>
public sealed record DashboardSnapshot
{
    /// <summary>A snapshot with nothing known yet.</summary>
    public static readonly DashboardSnapshot Empty = new();

    public ConnectionStatus Connection { get; init; } = new("Connecting");

    /// <summary>HOT and WARM symbols, most important first.</summary>
    public IReadOnlyList<WatchRow> Watch { get; init; } = [];

    /// <summary>Latest events, newest first.</summary>
    public IReadOnlyList<FeedRow> Feed { get; init; } = [];

    /// <summary>Options-flow leaders, highest score first.</summary>
    public IReadOnlyList<FlowLeader> FlowLeaders { get; init; } = [];

    /// <summary>Radar suspects, highest score first.</summary>
    public IReadOnlyList<RadarSuspect> Suspects { get; init; } = [];

    /// <summary>Market clock; null until known.</summary>
    public SessionClock? Clock { get; init; }

    public DashboardCounters Counters { get; init; } = new();
}

/// <summary>The gateway connection as the dashboard shows it. Unknown values are null.</summary>
/// <param name="State">Connected, Connecting, Reconnecting, Disconnected...</param>
/// <param name="ServerVersion">Negotiated server version.</param>
/// <param name="LatencyMs">Last measured round trip.</param>
/// <param name="LinesUsed">Market-data lines in use.</param>
/// <param name="LinesFree">Market-data lines still free.</param>
/// <param name="MessagesPerSecond">Client messages per second lately.</param>
/// <param name="Reconnects">Reconnects since start.</param>
public sealed record ConnectionStatus(
    string State,
    int? ServerVersion = null,
    double? LatencyMs = null,
    int? LinesUsed = null,
    int? LinesFree = null,
    double? MessagesPerSecond = null,
    int Reconnects = 0);

/// <summary>One row of the HOT/WARM list. Percentages are percent (3.5 means 3.5%); unknown values are null.</summary>
public sealed record WatchRow(
    string Symbol,
    string Priority,
    double? Last,
    double? GapPct,
    double? RelativeVolume,
    double? SpreadPct,
    string? LatestEvent);

/// <summary>One event of the feed.</summary>
public sealed record FeedRow(string Id, DateTimeOffset Time, string Symbol, string Type, string Reason, string Priority = "NORMAL");

/// <summary>An options-flow leader: score 0–1, put/call ratio (null without call volume), strongest signal.</summary>
public sealed record FlowLeader(string Symbol, double Score, double? PutCallRatio, string? TopSignal);

/// <summary>A radar suspect: score 0–1 and its anomaly types.</summary>
public sealed record RadarSuspect(string Symbol, double Score, IReadOnlyList<string> Types);

/// <summary>The market clock: exchange time (America/New_York offset), session (PRE, RTH, POST, CLOSED), next open and close.</summary>
public sealed record SessionClock(DateTimeOffset Now, string Session, DateTimeOffset? NextOpen, DateTimeOffset? NextClose);

/// <summary>Running totals.</summary>
public sealed record DashboardCounters(
    long Ticks = 0,
    long Events = 0,
    long Alerts = 0,
    long AlertsPending = 0,
    long DroppedEvents = 0,
    int Subscriptions = 0);
