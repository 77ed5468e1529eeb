using BenchmarkDotNet.Running;
using Gv2Edge.Tws.Benchmarks;

namespace Gv2Edge.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project bench/Gv2Edge.Benchmarks -- --filter '*'</c>.
/// Two modes outside BenchmarkDotNet: <c>-- throughput</c> (client messages/s, quick) and <c>-- latency</c>
/// (tick-to-subscriber percentiles, see <see cref="ClientLatencyMode"/>).
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
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
