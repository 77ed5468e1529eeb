using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Tws.Simulator.Tests;

/// <summary>Builds simulators driven by a fake clock.</summary>
internal static class Sim
{
    /// <summary>Tuesday 2026-11-24, 09:35 New York: regular hours.</summary>
    public static readonly DateTime Rth = new(2026, 11, 24, 9, 35, 0);

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero));

    public static GatewaySimulator Create(FakeTimeProvider time, DateTime? start = null, string scenario = "quiet",
        Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { TimeProvider = time, Start = start ?? Rth, Scenario = scenario, Seed = 7 };
        return new GatewaySimulator(configure?.Invoke(options) ?? options);
    }

    /// <summary>A frame's fields, NULs shown as '|', for readable byte-exact assertions.</summary>
    public static string Show(byte[] payload) => System.Text.Encoding.ASCII.GetString(payload).Replace('\0', '|');
}
