using BenchmarkDotNet.Running;

namespace Gv2Edge.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project bench/Gv2Edge.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
