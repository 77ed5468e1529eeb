using System.Collections.Concurrent;
using System.Diagnostics;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Radar.Events;
using Gv2Edge.TestKit;
using Xunit;

namespace Gv2Edge.Cli.Tests;

public sealed class JournalDurabilityTests
{
    [Fact]
    public async Task Every_acknowledged_row_survives_a_kill_9_mid_write()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        string path = dir.File("journal.db");
        var acked = new ConcurrentDictionary<string, bool>();
        using var child = new Process
        {
            StartInfo = new ProcessStartInfo(DotnetHost())
            {
                ArgumentList = { typeof(JournalCrashWriter).Assembly.Location, JournalCrashWriter.Verb, path },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("ACK ", StringComparison.Ordinal))
            {
                acked[line[4..]] = true;
            }
        };
        var errors = new ConcurrentQueue<string>();
        child.ErrorDataReceived += (_, e) => errors.Enqueue(e.Data ?? string.Empty);
        Assert.True(child.Start());
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();

        await Wait.UntilAsync(
            "the child to acknowledge 3000 rows (stderr: " + string.Join(" | ", errors) + ")",
            () => acked.Count >= 3000 || child.HasExited,
            TimeSpan.FromSeconds(60));
        Assert.False(child.HasExited, "the writer stopped by itself: " + string.Join(" | ", errors));

        child.Kill(); // SIGKILL on Unix: no finalisers, no dispose, no checkpoint.
        await child.WaitForExitAsync();
        child.WaitForExit(); // drains the redirected output: every ACK the child printed is counted.

        await using EdgeJournal reopened = EdgeJournal.Open(path);
        var stored = reopened.QueryEvents(new JournalQuery { Limit = int.MaxValue }).Select(e => e.Id).ToHashSet();
        string[] missing = acked.Keys.Where(id => !stored.Contains(id)).ToArray();
        Assert.True(missing.Length == 0, $"{missing.Length} of {acked.Count} acknowledged rows are missing, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.True(stored.Count >= acked.Count);
        var pending = reopened.Reader.GetDeliveries().Select(d => d.EventId).ToHashSet();
        Assert.All(acked.Keys, id => Assert.Contains(id, pending));
    }

    private static string DotnetHost()
    {
        string? self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
