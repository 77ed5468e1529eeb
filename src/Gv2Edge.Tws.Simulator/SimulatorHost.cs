using Microsoft.Extensions.Logging;

namespace Gv2Edge.Tws.Simulator;

/// <summary>Runs a simulator until cancelled: what <c>edge sim</c> calls.</summary>
public static class SimulatorHost
{
    /// <summary>
    /// Starts a <see cref="GatewaySimulator"/> with <paramref name="options"/>, reports the port through
    /// <paramref name="started"/>, and serves until <paramref name="cancellationToken"/> fires.
    /// </summary>
    public static async Task RunAsync(SimulatorOptions options, CancellationToken cancellationToken, Action<GatewaySimulator>? started = null)
    {
        await using var simulator = new GatewaySimulator(options);
        await simulator.StartAsync(cancellationToken).ConfigureAwait(false);
        options.LoggerFactory.CreateLogger("Gv2Edge.Tws.Simulator").LogInformation(
            "Simulated IB Gateway on {Address}:{Port} (server version {Version}, scenario {Scenario}, start {Start:yyyy-MM-dd HH:mm} ET, speed {Speed}x)",
            options.BindAddress, simulator.Port, options.ServerVersion, simulator.Scenario.Name, simulator.Clock.StartEt, options.Speed);
        started?.Invoke(simulator);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
