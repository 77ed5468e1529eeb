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
/// The one place a command connects to the gateway: client options from the settings and the command's client id,
/// the connect-or-diagnose step (refused port, client id in use, timeout, each with its fix), and for the one-shot
/// commands a session object: a connected <see cref="TwsClient"/>, with <c>Ibkr:UseIbkrData=false</c> an in-process
/// simulator on a free loopback port instead of IB.
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

        var client = new TwsClient(ClientOptions(ctx, host, port, TimeProvider.System));
        var notices = new List<TwsNotice>();
        client.Notice += (_, n) =>
        {
            lock (notices)
            {
                notices.Add(n);
            }
        };
        ConnectProblem? problem = await TryConnectClientAsync(ctx, client, host, port).ConfigureAwait(false);
        if (problem is null)
        {
            return (new GatewaySession(client, host, port, simulator, notices), null);
        }

        await client.DisposeAsync().ConfigureAwait(false);
        if (simulator is not null)
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
        }

        return (null, problem);
    }

    /// <summary>
    /// Client options for a command: <paramref name="host"/>/<paramref name="port"/> given explicitly (a simulator's
    /// loopback port, say), the command's client id, everything else from the settings, on <paramref name="clock"/>.
    /// </summary>
    public static TwsClientOptions ClientOptions(CommandContext ctx, string host, int port, TimeProvider clock)
    {
        IbkrSettings ibkr = ctx.Settings.Ibkr;
        return new TwsClientOptions
        {
            Host = host,
            Port = port,
            ClientId = ctx.ClientId,
            ConnectTimeout = TimeSpan.FromSeconds(ibkr.ConnectTimeoutSeconds),
            // The configuration allows IB's own cap of 50; the client paces at most 49 so a burst never reaches it.
            MessagesPerSecond = Math.Min(ibkr.MessagesPerSecond, 49),
            MaxLines = ibkr.MaxLines,
            ReservedLines = ibkr.ReservedLines,
            MarketDataType = ParseType(ibkr.MarketDataType),
            TimeProvider = clock,
            Sessions = new UsEquitySessions(new UsEquityCalendar()),
        };
    }

    /// <summary>
    /// Connects <paramref name="client"/> within the connect timeout (plus 2 s), or throws
    /// <see cref="GatewayUnavailableException"/> with the diagnosis and the fix (exit 2).
    /// </summary>
    public static async Task ConnectClientAsync(CommandContext ctx, TwsClient client, string host, int port)
    {
        if (await TryConnectClientAsync(ctx, client, host, port).ConfigureAwait(false) is { } problem)
        {
            throw new GatewayUnavailableException($"{problem.Message} {problem.Fix}");
        }
    }

    /// <summary>
    /// Connects <paramref name="client"/>; null when connected, else the diagnosis. A command gives up after the first
    /// failed attempt or the timeout; the client itself would retry forever (what <c>edge run</c> lets it do).
    /// </summary>
    public static async Task<ConnectProblem?> TryConnectClientAsync(CommandContext ctx, TwsClient client, string host, int port)
    {
        var failed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnState(object? sender, ConnectionStateChange change)
        {
            if (change is { Previous: ConnectionState.Connecting, Current: ConnectionState.Reconnecting })
            {
                failed.TrySetResult(change.Reason);
            }
        }

        client.StateChanged += OnState;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ctx.Cancellation);
            // Wall time: the client may run on a fast market clock (edge demo), where its own timeout is shorter.
            timeout.CancelAfter(TimeSpan.FromSeconds(ctx.Settings.Ibkr.ConnectTimeoutSeconds + 2));
            Task connect = client.ConnectAsync(timeout.Token);
            Task first = await Task.WhenAny(connect, failed.Task).ConfigureAwait(false);
            if (first == connect && connect.IsCompletedSuccessfully)
            {
                return null;
            }

            string reason = failed.Task.IsCompleted ? failed.Task.Result : string.Empty;
            Exception? error = connect.IsFaulted ? connect.Exception?.GetBaseException() : null;
            ctx.Cancellation.ThrowIfCancellationRequested();
            return await DiagnoseAsync(host, port, ctx.ClientId, reason, error, ctx.Cancellation).ConfigureAwait(false);
        }
        finally
        {
            client.StateChanged -= OnState;
        }
    }

    /// <summary>Plain-words diagnosis of a failed attempt (refused port and which of IB's ports answer, client id, timeout).</summary>
    public static async Task<ConnectProblem> DiagnoseAsync(string host, int port, int clientId, string reason, Exception? error, CancellationToken ct)
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
