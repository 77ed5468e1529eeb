using Gv2Edge.TestKit;
using Gv2Edge.Tws.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Tws.Tests.Simulator;

/// <summary>The client against the gateway simulator over loopback TCP, both on one fake clock.</summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset RegularHours = new(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);

    private SimulatorHarness(FakeTimeProvider clock, GatewaySimulator sim, TwsClient client)
    {
        Clock = clock;
        Sim = sim;
        Client = client;
    }

    public FakeTimeProvider Clock { get; }

    public GatewaySimulator Sim { get; }

    public TwsClient Client { get; }

    public static async Task<SimulatorHarness> StartAsync(int serverVersion = 187, Func<TwsClientOptions, TwsClientOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(RegularHours);
        var sim = new GatewaySimulator(new SimulatorOptions { Port = 0, ServerVersion = serverVersion, Seed = 7, TimeProvider = clock });
        await sim.StartAsync();
        var options = new TwsClientOptions { Port = sim.Port, TimeProvider = clock, ReconnectJitter = 0 };
        var client = new TwsClient(configure is null ? options : configure(options));
        var h = new SimulatorHarness(clock, sim, client);
        Task connect = client.ConnectAsync();
        await h.PumpUntilAsync("connected", () => connect.IsCompleted);
        await connect;
        return h;
    }

    /// <summary>Advances the fake clock in steps, letting real threads run, until the condition holds.</summary>
    public Task PumpUntilAsync(string reason, Func<bool> condition, TimeSpan? maxFake = null, TimeSpan? step = null)
        => FakeClockPump.UntilAsync(Clock, reason, condition, maxFake ?? TimeSpan.FromSeconds(3), step ?? TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Sim.DisposeAsync();
    }
}
