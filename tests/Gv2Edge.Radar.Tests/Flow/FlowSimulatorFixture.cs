using Gv2Edge.Market;
using Gv2Edge.Radar.Flow;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Simulator;

namespace Gv2Edge.Radar.Tests.Flow;

/// <summary>A simulator on a loopback port, a connected client and an options-flow service over them.</summary>
internal sealed class FlowSimulatorFixture : IAsyncDisposable
{
    private readonly List<int> _codes = [];

    private FlowSimulatorFixture(GatewaySimulator simulator, TwsClient client, OptionsFlowService service)
    {
        Simulator = simulator;
        Client = client;
        Service = service;
        client.Notice += (_, n) =>
        {
            lock (_codes)
            {
                _codes.Add(n.Code);
            }
        };
    }

    public GatewaySimulator Simulator { get; }

    public TwsClient Client { get; }

    public OptionsFlowService Service { get; }

    /// <summary>Error and notice codes the gateway sent so far.</summary>
    public IReadOnlyList<int> Codes
    {
        get
        {
            lock (_codes)
            {
                return [.. _codes];
            }
        }
    }

    /// <summary>Starts <paramref name="sim"/> (scenario, start, faults) with a client of <paramref name="lines"/> lines, all of them on-demand.</summary>
    public static async Task<FlowSimulatorFixture> StartAsync(SimulatorOptions sim, OptionsFlowServiceOptions? flow = null, int lines = 100, int reserved = 10)
    {
        var simulator = new GatewaySimulator(sim with { Port = 0, SnapshotSeconds = 0.2 });
        await simulator.StartAsync();
        var client = new TwsClient(new TwsClientOptions { Port = simulator.Port, ClientId = 8, MaxLines = lines, ReservedLines = reserved });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(timeout.Token);
        var market = new MarketDataService(client, new UsEquitySessions(new UsEquityCalendar()));
        return new FlowSimulatorFixture(simulator, client, new OptionsFlowService(client, market, flow));
    }

    /// <summary>A scenario at a New York time of its day (2026-11-24).</summary>
    public static SimulatorOptions At(string scenario, int hour, int minute) => new()
    {
        Scenario = scenario,
        Start = new DateTime(2026, 11, 24, hour, minute, 0),
    };

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
