using System.Diagnostics;

namespace Gv2Edge.Tws.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Gv2Edge.Benchmarks -- throughput [bursts]</c>: the same rig as
/// <see cref="ClientThroughputBenchmarks"/> without BenchmarkDotNet (no child build, a result in seconds), for
/// profiling and quick before/after checks. Prints, for each burst of 200,000 frames, messages per wall-clock second
/// and messages per second of process CPU time (the waiting thread sleeps, so that is the reader's and the sender's
/// work: a figure that moves far less than wall time when other processes load the machine), then the medians.
/// </summary>
internal static class ClientThroughputMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        int bursts = args.Length > 0 && int.TryParse(args[0], out int b) && b > 0 ? b : 20;
        const int Frames = 200_000;
        await using ClientThroughputRig rig = ClientThroughputRig.Start(tickers: 90, frames: Frames);
        Console.WriteLine($"90 subscriptions, {Frames:N0} frames ({rig.PayloadBytes / (double)Frames:0.0} bytes each) per burst, {bursts} bursts after 3 warm-up bursts");
        for (int i = 0; i < 3; i++)
        {
            rig.SendAndWait(TimeSpan.FromSeconds(60));
        }

        var rates = new double[bursts];
        var cpuRates = new double[bursts];
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < bursts; i++)
        {
            process.Refresh();
            TimeSpan cpu = process.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            rig.SendAndWait(TimeSpan.FromSeconds(60), sleep: true);
            rates[i] = Frames / Stopwatch.GetElapsedTime(start).TotalSeconds;
            process.Refresh();
            cpuRates[i] = Frames / (process.TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"burst {i + 1,3}: {rates[i] / 1e6,6:0.00} M messages/s wall, {cpuRates[i] / 1e6,6:0.00} M per CPU-second");
        }

        Array.Sort(rates);
        Array.Sort(cpuRates);
        Console.WriteLine($"wall: median {rates[bursts / 2] / 1e6:0.00} M messages/s, best {rates[^1] / 1e6:0.00}, worst {rates[0] / 1e6:0.00}");
        Console.WriteLine($"CPU (client + in-process sender): median {cpuRates[bursts / 2] / 1e6:0.00} M messages per CPU-second, best {cpuRates[^1] / 1e6:0.00}");
        return 0;
    }
}
