using System.Diagnostics;
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
    public async Task PumpUntilAsync(string reason, Func<bool> condition, TimeSpan? maxFake = null, TimeSpan? step = null)
    {
        TimeSpan limit = maxFake ?? TimeSpan.FromSeconds(3);
        TimeSpan stride = step ?? TimeSpan.FromMilliseconds(10);
        DateTimeOffset end = Clock.GetUtcNow() + limit;
        var real = Stopwatch.StartNew();
        while (!condition())
        {
            if (real.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException($"Timed out (real time) waiting for: {reason}");
            }

            await Task.Delay(1);
            if (condition())
            {
                break;
            }

            if (Clock.GetUtcNow() >= end)
            {
                throw new TimeoutException($"Fake time ran {limit.TotalSeconds:0.###} s without: {reason}");
            }

            Clock.Advance(stride);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Sim.DisposeAsync();
    }
}
