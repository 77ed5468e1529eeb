using Gv2Edge.Cli.Journal;
using Gv2Edge.Radar.Events;

namespace Gv2Edge.Cli.Tests;

/// <summary>
/// Entry point of this test assembly when run as a child process (<c>dotnet Gv2Edge.Cli.Tests.dll journal-writer PATH</c>):
/// appends events as fast as it can from several concurrent writers and prints <c>ACK id</c> after each acknowledgement,
/// until the parent kills it.
/// </summary>
public static class JournalCrashWriter
{
    public const string Verb = "journal-writer";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2 || args[0] != Verb)
        {
            Console.Error.WriteLine($"usage: {Verb} JOURNAL_PATH");
            return 1;
        }

        var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        var gate = new object();
        await using EdgeJournal journal = EdgeJournal.Open(args[1]);
        Console.Error.WriteLine("READY");
        // Several producers so batches of many rows are in flight when the kill lands.
        Task[] producers = Enumerable.Range(0, 8).Select(p => Task.Run(async () =>
        {
            for (long i = 0; ; i++)
            {
                string id = $"p{p}-{i}";
                await journal.AppendEventAsync(JournalTestData.Event(id, "CRSH", EventTypes.VolumeSpike, DateTimeOffset.UnixEpoch.AddSeconds(i)), ["webhook"]);
                lock (gate)
                {
                    output.WriteLine("ACK " + id);
                }
            }
        })).ToArray();
        await Task.WhenAll(producers);
        return 0;
    }
}
