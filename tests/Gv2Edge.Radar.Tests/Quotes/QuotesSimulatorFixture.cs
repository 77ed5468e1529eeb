using Gv2Edge.Market;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Simulator;

namespace Gv2Edge.Radar.Tests.Quotes;

/// <summary>A simulator on a loopback port, a connected client and a market data service over them.</summary>
internal sealed class QuotesSimulatorFixture : IAsyncDisposable
{
    private QuotesSimulatorFixture(GatewaySimulator simulator, TwsClient client, MarketDataService service)
    {
        Simulator = simulator;
        Client = client;
        Service = service;
    }

    public GatewaySimulator Simulator { get; }

    public TwsClient Client { get; }

    public MarketDataService Service { get; }

    /// <summary>Starts <paramref name="scenario"/> at <paramref name="startEt"/> (New York time on the scenario's day, 2026-11-24).</summary>
    public static async Task<QuotesSimulatorFixture> StartAsync(string scenario, TimeOnly startEt)
    {
        var sim = new GatewaySimulator(new SimulatorOptions
        {
            Port = 0,
            Scenario = scenario,
            Start = new DateOnly(2026, 11, 24).ToDateTime(startEt),
            SnapshotSeconds = 0.2,
        });
        await sim.StartAsync();
        var client = new TwsClient(new TwsClientOptions { Port = sim.Port, ClientId = 7 });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(timeout.Token);
        return new QuotesSimulatorFixture(sim, client, new MarketDataService(client, new UsEquitySessions(new UsEquityCalendar())));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
