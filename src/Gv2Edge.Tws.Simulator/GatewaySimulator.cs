using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Gv2Edge.Market;
using Gv2Edge.Tws.Simulator.Faults;
using Gv2Edge.Tws.Simulator.Load;
using Gv2Edge.Tws.Simulator.Market;
using Gv2Edge.Tws.Simulator.Scenarios;
using Gv2Edge.Tws.Simulator.Server;
using Microsoft.Extensions.Logging;

namespace Gv2Edge.Tws.Simulator;

/// <summary>
/// A stand-in for IB Gateway: speaks the TWS socket protocol from the server side over loopback TCP (or in-memory
/// pipes), serves a seeded market model, enforces IB's limits and injects faults on demand.
/// </summary>
public sealed partial class GatewaySimulator : IAsyncDisposable
{
    private readonly List<SimConnection> _connections = [];
    private readonly Dictionary<int, SimConnection> _clients = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private ITimer? _pump;
    private int _nextConnectionId;
    private int _nextOrderId;

    public GatewaySimulator(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Scenario = BuiltInScenarios.Resolve(options.Scenario);
        Clock = new MarketClock(options.Start ?? Scenario.Start, options.Speed, options.TimeProvider);
        Logger = options.LoggerFactory.CreateLogger("Gv2Edge.Tws.Simulator");
        Model = new MarketModel(Universe.Default, new CalendarAdapter(new UsEquityCalendar()), Scenario, options.Seed, Clock);
        LimitsTime = options.LimitsClock == LimitsClock.Driving ? options.TimeProvider : Clock;
        RateLimiter = new RateLimiter(LimitsTime);
        Faults = new SimulatorFaults(this);
        History = new HistoryService(this);
        Load = options.Load is { } load ? new LoadGenerator(this, load) : null;
    }

    /// <summary>The options it runs with.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>The scenario it plays.</summary>
    public Scenario Scenario { get; }

    /// <summary>The simulated market's clock; share it with the app when running in-process.</summary>
    public MarketClock Clock { get; }

    /// <summary>
    /// The clock of the transport (<see cref="SimulatorOptions.TimeProvider"/>, real time in production): what a client
    /// in the same process should pace its messages on when <see cref="SimulatorOptions.LimitsClock"/> is
    /// <see cref="LimitsClock.Driving"/>, so that 45 messages a second stay 45 a real second at any market speed.
    /// </summary>
    public TimeProvider TransportClock => Options.TimeProvider;

    /// <summary>Faults on demand.</summary>
    public SimulatorFaults Faults { get; }

    /// <summary>The TCP port it listens on (after <see cref="StartAsync"/>; 0 when not listening).</summary>
    public int Port { get; private set; }

    /// <summary>Client messages received in the last second, over all connections.</summary>
    public int MessagesInLastSecond => RateLimiter.InLastSecond;

    /// <summary>Client messages received since start.</summary>
    public long MessagesReceived => RateLimiter.Total;

    /// <summary>Open connections.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>Load mode's counters (null when load mode is off).</summary>
    public LoadStatistics? LoadStatistics => Load?.Statistics;

    internal ILogger Logger { get; }

    internal LoadGenerator? Load { get; }

    internal MarketModel Model { get; }

    internal RateLimiter RateLimiter { get; }

    /// <summary>The clock IB's time-based limits count on (<see cref="SimulatorOptions.LimitsClock"/>).</summary>
    internal TimeProvider LimitsTime { get; }

    internal HistoryService History { get; }

    /// <summary>True while a fault (1100, 2103, competing session) holds market data back.</summary>
    internal bool DataPaused { get; set; }

    internal IReadOnlyList<SimConnection> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    /// <summary>Starts listening on <see cref="SimulatorOptions.BindAddress"/>:<see cref="SimulatorOptions.Port"/> and starts the market-data pump.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        StartPump();
        _listener = new TcpListener(Options.BindAddress, Options.Port);
        try
        {
            _listener.Start();
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException(
                $"The simulator cannot listen on {Options.BindAddress}:{Options.Port}: {ex.Message} Choose another port with --port.", ex);
        }

        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Logger.LogInformation("Simulator listening on {Address}:{Port}, scenario {Scenario}, server version {Version}",
            Options.BindAddress, Port, Scenario.Name, Options.ServerVersion);
        _acceptLoop = AcceptLoopAsync(_listener, _stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Opens an in-memory connection (no socket): returns the client's end. Starts the pump if
    /// <see cref="StartAsync"/> was not called.
    /// </summary>
    public IDuplexPipe ConnectInMemory()
    {
        StartPump();
        (IDuplexPipe server, IDuplexPipe client) = DuplexPipe.CreatePair();
        if (Faults.RefusingConnections)
        {
            client.Input.Complete();
            client.Output.Complete();
            server.Input.Complete();
            server.Output.Complete();
            return client;
        }

        Serve(server);
        return client;
    }

    /// <summary>Stops listening, closes every connection and stops the pump.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _listener?.Stop();
        _pump?.Dispose();
        Load?.Dispose();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        foreach (SimConnection c in Connections)
        {
            c.Close();
            await c.Completion.ConfigureAwait(false);
        }

        _listener?.Dispose();
        _stopping.Dispose();
    }

    internal int NextOrderId() => Interlocked.Increment(ref _nextOrderId);

    internal bool TryRegisterClient(SimConnection connection, int clientId)
    {
        lock (_gate)
        {
            return _clients.TryAdd(clientId, connection);
        }
    }

    internal void OnConnectionClosed(SimConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
            if (connection.ClientId is { } id && _clients.TryGetValue(id, out SimConnection? owner) && owner == connection)
            {
                _clients.Remove(id);
            }
        }
    }

    private void Serve(IDuplexPipe transport)
    {
        var connection = new SimConnection(this, transport, Interlocked.Increment(ref _nextConnectionId));
        if (Load is { } load)
        {
            connection.Outbox.Sent = load.Wake;
        }

        lock (_gate)
        {
            _connections.Add(connection);
        }

        _ = Task.Run(() => connection.RunAsync(_stopping.Token));
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (Faults.RefusingConnections)
            {
                socket.Dispose();
                continue;
            }

            socket.NoDelay = true;
            var stream = new NetworkStream(socket, ownsSocket: true);
            Serve(new DuplexPipe(PipeReader.Create(stream), PipeWriter.Create(stream)));
        }
    }
}
