using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Gv2Edge.Tws.Benchmarks;

namespace Gv2Edge.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project bench/Gv2Edge.Benchmarks -- --filter '*'</c>.
/// Two modes outside BenchmarkDotNet: <c>-- throughput</c> (client messages/s, quick) and <c>-- latency</c>
/// (tick-to-subscriber percentiles, see <see cref="ClientLatencyMode"/>) and <c>-- events</c> (tick-to-event, see
/// <see cref="EventLatencyRun"/>).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "throughput":
                return await ClientThroughputMode.RunAsync(args[1..]).ConfigureAwait(false);
            case "latency":
                return await ClientLatencyMode.RunAsync(args[1..]).ConfigureAwait(false);
            case "events":
                return await EventLatencyRun.RunAsync(args[1..]).ConfigureAwait(false);
            default:
                // BenchmarkDotNet builds a child project per run and gives up after 2 minutes by default, reporting NA;
                // on a shared, loaded machine that build alone takes longer.
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
                    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
                return 0;
        }
    }
}
