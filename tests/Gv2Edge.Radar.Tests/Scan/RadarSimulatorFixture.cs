using Gv2Edge.Market;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Scan;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Simulator;

namespace Gv2Edge.Radar.Tests.Scan;

/// <summary>A simulator on a loopback port, a connected client, and a radar scan service with its own cache directory.</summary>
internal sealed class RadarSimulatorFixture : IAsyncDisposable
{
    private RadarSimulatorFixture(GatewaySimulator simulator, TwsClient client, MarketDataService market, string cacheDirectory)
    {
        Simulator = simulator;
        Client = client;
        Market = market;
        CacheDirectory = cacheDirectory;
    }

    public GatewaySimulator Simulator { get; }

    public TwsClient Client { get; }

    public MarketDataService Market { get; }

    public string CacheDirectory { get; }

    /// <summary>Starts <paramref name="scenario"/> (a name or a JSON file) at <paramref name="startEt"/> (New York time).</summary>
    public static async Task<RadarSimulatorFixture> StartAsync(string scenario, DateTime startEt, string? cacheDirectory = null)
    {
        var sim = new GatewaySimulator(new SimulatorOptions { Port = 0, Scenario = scenario, Start = startEt });
        await sim.StartAsync();
        var client = new TwsClient(new TwsClientOptions { Port = sim.Port, ClientId = 16 });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(timeout.Token);
        string dir = cacheDirectory ?? Path.Combine(Path.GetTempPath(), $"edge-radar-{Guid.NewGuid():N}");
        return new RadarSimulatorFixture(sim, client, new MarketDataService(client, new UsEquitySessions(new UsEquityCalendar())), dir);
    }

    /// <summary>Starts on the scenarios' day, 2026-11-24, at <paramref name="time"/>.</summary>
    public static Task<RadarSimulatorFixture> StartAsync(string scenario, TimeOnly time) => StartAsync(scenario, new DateOnly(2026, 11, 24).ToDateTime(time));

    /// <summary>A scan service over this connection (a fresh one has an empty memory, the disk cache stays).</summary>
    public RadarScanService Service(RadarScanOptions? options = null)
        => new(Client, Market, (options ?? new RadarScanOptions()) with { CacheDirectory = CacheDirectory });

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Simulator.DisposeAsync();
        if (Directory.Exists(CacheDirectory))
        {
            Directory.Delete(CacheDirectory, recursive: true);
        }
    }
}
