using Gv2Edge.Cli.Check;
using Gv2Edge.Cli.Configuration;
using Gv2Edge.Market;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Connection;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Simulator;

namespace Gv2Edge.Cli.Infrastructure;

/// <summary>Why a connection attempt failed, for <c>edge check</c>'s diagnosis.</summary>
public enum ConnectFailure
{
    /// <summary>Nothing accepted the TCP connection (gateway not running, wrong port, API off).</summary>
    Refused,

    /// <summary>The gateway closed the connection after the handshake: client id in use (326) or not allowed.</summary>
    ClosedAfterHandshake,

    /// <summary>Connected, but the start-up did not finish in time (a dialog waiting in TWS, an overloaded gateway).</summary>
    Timeout,
}

/// <summary>A failed connection attempt with the plain-words diagnosis and the fix.</summary>
public sealed record ConnectProblem(ConnectFailure Kind, string Message, string Fix);

/// <summary>
/// One command's connection to the gateway: a <see cref="TwsClient"/> built from the settings and the command's
/// client id; with <c>Ibkr:UseIbkrData=false</c> an in-process simulator on a free loopback port instead of IB.
/// </summary>
public sealed class GatewaySession : IAsyncDisposable
{
    private readonly IAsyncDisposable? _simulator;

    private GatewaySession(TwsClient client, string host, int port, IAsyncDisposable? simulator, IReadOnlyList<TwsNotice> notices)
    {
        Client = client;
        Host = host;
        Port = port;
        _simulator = simulator;
        Notices = notices;
    }

    /// <summary>The connected client.</summary>
    public TwsClient Client { get; }

    /// <summary>Where it is connected.</summary>
    public string Host { get; }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>True when the data comes from the built-in simulator.</summary>
    public bool Simulated => _simulator is not null;

    /// <summary>Notices received so far (farm status 2104/2106/2158…, 10167…), in arrival order; lock it to read.</summary>
    public IReadOnlyList<TwsNotice> Notices { get; }

    /// <summary>The sessions calendar.</summary>
    public UsEquitySessions Sessions { get; } = new(new UsEquityCalendar());

    /// <summary>Connects, or throws <see cref="GatewayUnavailableException"/> with the diagnosis and fix (exit 2).</summary>
    public static async Task<GatewaySession> ConnectAsync(CommandContext ctx)
    {
        (GatewaySession? session, ConnectProblem? problem) = await TryConnectAsync(ctx).ConfigureAwait(false);
        return session ?? throw new GatewayUnavailableException($"{problem!.Message} {problem.Fix}");
    }

    /// <summary>Connects; on failure returns the problem (never throws for an unreachable gateway).</summary>
    public static async Task<(GatewaySession? Session, ConnectProblem? Problem)> TryConnectAsync(CommandContext ctx)
    {
        IbkrSettings ibkr = ctx.Settings.Ibkr;
        string host = ibkr.Host;
        int port = ibkr.Port;
        IAsyncDisposable? simulator = null;
        if (!ibkr.UseIbkrData)
        {
            (simulator, port) = await EmbeddedSimulator.StartAsync(ctx.Cancellation).ConfigureAwait(false);
            host = "127.0.0.1";
        }

        var options = new TwsClientOptions
        {
            Host = host,
            Port = port,
            ClientId = ctx.ClientId,
            MarketDataType = ParseType(ibkr.MarketDataType),
            MaxLines = ibkr.MaxLines,
            ReservedLines = ibkr.ReservedLines,
            MessagesPerSecond = Math.Min(ibkr.MessagesPerSecond, 49),
            ConnectTimeout = TimeSpan.FromSeconds(ibkr.ConnectTimeoutSeconds),
        };
        var client = new TwsClient(options);
        var notices = new List<TwsNotice>();
        client.Notice += (_, n) =>
        {
            lock (notices)
            {
                notices.Add(n);
            }
        };
        var failed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanged += (_, change) =>
        {
            if (change is { Previous: ConnectionState.Connecting, Current: ConnectionState.Reconnecting })
            {
                failed.TrySetResult(change.Reason);
            }
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ctx.Cancellation);
        timeout.CancelAfter(options.ConnectTimeout + TimeSpan.FromSeconds(2));
        Task connect = client.ConnectAsync(timeout.Token);
        Task first = await Task.WhenAny(connect, failed.Task).ConfigureAwait(false);
        if (first == connect && connect.IsCompletedSuccessfully)
        {
            return (new GatewaySession(client, host, port, simulator, notices), null);
        }

        string reason = failed.Task.IsCompleted ? failed.Task.Result : string.Empty;
        Exception? error = connect.IsFaulted ? connect.Exception?.GetBaseException() : null;
        await client.DisposeAsync().ConfigureAwait(false);
        if (simulator is not null)
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
        }

        ctx.Cancellation.ThrowIfCancellationRequested();
        return (null, await DiagnoseAsync(host, port, ctx.ClientId, reason, error, ctx.Cancellation).ConfigureAwait(false));
    }

    private static async Task<ConnectProblem> DiagnoseAsync(string host, int port, int clientId, string reason, Exception? error, CancellationToken ct)
    {
        bool refused = reason.Contains("Could not connect", StringComparison.Ordinal);
        if (error is TwsException { Code: TwsErrorCodes.ClientIdInUse } || reason.Contains("handshake", StringComparison.Ordinal)
            || reason.Contains("client id", StringComparison.OrdinalIgnoreCase) || reason.Contains("326", StringComparison.Ordinal))
        {
            return new ConnectProblem(ConnectFailure.ClosedAfterHandshake,
                $"The gateway at {host}:{port} accepted the connection and then closed it: client id {clientId} is in use, or this API port belongs to the other account type.",
                $"Use another client id (--client-id {clientId + 10}), or close the app already connected as {clientId}. Check paper vs live: IB Gateway paper is 4002 and live 4001, TWS paper 7497 and live 7496; log in to the account that matches the port.");
        }

        if (refused)
        {
            IReadOnlyList<int> open = await PortProbe.OpenPortsAsync(host, PortProbe.KnownPorts.Select(p => p.Port).Where(p => p != port),
                TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
            string others = open.Count == 0
                ? "None of IB's usual ports (7496, 7497, 4001, 4002) answers on that host either."
                : $"On that host {string.Join(" and ", open.Select(PortProbe.Describe))} answer{(open.Count == 1 ? "s" : string.Empty)}: use --port {open[0]}.";
            return new ConnectProblem(ConnectFailure.Refused,
                $"Nothing accepts connections at {host}:{PortProbe.Describe(port)} (connection refused). {others}",
                "Start IB Gateway or TWS and log in; in Configure > Settings > API > Settings tick \"Enable ActiveX and Socket Clients\", check the socket port, and add 127.0.0.1 to the trusted IPs.");
        }

        return new ConnectProblem(ConnectFailure.Timeout,
            $"The gateway at {host}:{port} did not finish the API start-up in time{(reason.Length > 0 ? $" ({reason})" : string.Empty)}.",
            "Look at TWS / IB Gateway for a dialog waiting for an answer (API connection confirmation), make sure the login finished, or raise Ibkr:ConnectTimeoutSeconds.");
    }

    private static MarketDataType ParseType(string word) => word switch
    {
        "frozen" => MarketDataType.Frozen,
        "delayed" => MarketDataType.Delayed,
        "delayed-frozen" => MarketDataType.DelayedFrozen,
        _ => MarketDataType.Live,
    };

    /// <summary>The built-in simulator behind <c>Ibkr:UseIbkrData=false</c> (the guide's USE_IBKR_DATA switch).</summary>
    private static class EmbeddedSimulator
    {
        public static async Task<(IAsyncDisposable Simulator, int Port)> StartAsync(CancellationToken ct)
        {
            // A short snapshot window keeps `edge quote` snappy; the market runs in real time from the demo's start.
            var sim = new GatewaySimulator(new SimulatorOptions { Port = 0, Scenario = "demo", SnapshotSeconds = 1 });
            await sim.StartAsync(ct).ConfigureAwait(false);
            return (sim, sim.Port);
        }
    }

    /// <summary>Disconnects and stops the embedded simulator.</summary>
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
