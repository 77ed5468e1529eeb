using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator;
using Gv2Edge.Tws.Simulator.Load;

namespace Gv2Edge.Tws.Benchmarks;

/// <summary>
/// The in-process gateway simulator in load mode (loopback, port 0, system clock) with a connected client that has
/// room for <c>subscriptions</c> lines: the common start of every latency run.
/// </summary>
internal sealed class LoadedGateway : IAsyncDisposable
{
    private LoadedGateway(GatewaySimulator sim, TwsClient client)
    {
        Sim = sim;
        Client = client;
    }

    /// <summary>The simulator (its <see cref="GatewaySimulator.LoadStatistics"/> say whether it kept up).</summary>
    public GatewaySimulator Sim { get; }

    /// <summary>The connected client.</summary>
    public TwsClient Client { get; }

    /// <summary>
    /// Starts the simulator with <paramref name="load"/> and connects a client to it, receiving on a dedicated thread
    /// when <paramref name="readerThread"/> (<see cref="TwsClientOptions.ReaderThread"/>; default off).
    /// </summary>
    public static async Task<LoadedGateway> StartAsync(int subscriptions, LoadOptions load, bool readerThread = false)
    {
        var sim = new GatewaySimulator(new SimulatorOptions { Port = 0, Lines = subscriptions + 10, Load = load });
        await sim.StartAsync().ConfigureAwait(false);
        var client = new TwsClient(BenchGateway.ClientOptions(sim.Port, subscriptions) with { ReaderThread = readerThread });
        try
        {
            await client.ConnectAsync().ConfigureAwait(false);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            await sim.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new LoadedGateway(sim, client);
    }

    /// <summary>A US stock on SMART, as every run subscribes it.</summary>
    public static Contract Stock(string symbol) => new() { Symbol = symbol, SecType = "STK", Exchange = "SMART", Currency = "USD" };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        await Sim.DisposeAsync().ConfigureAwait(false);
    }
}
