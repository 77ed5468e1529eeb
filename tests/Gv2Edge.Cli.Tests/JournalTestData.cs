using Gv2Edge.Radar.Events;

namespace Gv2Edge.Cli.Tests;

/// <summary>Events and temporary journal files for the journal, alert and command tests.</summary>
public static class JournalTestData
{
    public static readonly DateTimeOffset Open = new(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(-5));

    public static RadarEvent Event(string id, string symbol, string type, DateTimeOffset time, IReadOnlyDictionary<string, object?>? extra = null) => new()
    {
        Id = id,
        Time = time,
        Symbol = symbol,
        Type = type,
        Value = 3.5,
        Threshold = 2.0,
        Reason = $"{type} on {symbol}, 3.5 vs 2.0",
        Session = "RTH",
        DataQuality = "live",
        Priority = "HOT",
        Extra = extra,
    };

    /// <summary>A fresh path in a fresh temporary directory, deleted with the returned handle.</summary>
    public static TempDir NewDir() => new();

    /// <summary>Runs <c>edge</c> with <paramref name="args"/> and a configuration whose journal is in <paramref name="dir"/>.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunEdgeAsync(TempDir dir, params string[] args)
    {
        string config = dir.File("appsettings.json");
        await File.WriteAllTextAsync(config, System.Text.Json.JsonSerializer.Serialize(new { Journal = new { Path = dir.File("journal.db") } }));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var app = new Gv2Edge.Cli.Infrastructure.EdgeApp(Gv2Edge.Cli.Commands.CommandCatalog.All, stdout, stderr);
        int code = await app.RunAsync([.. args, "--config", config], isTerminal: false, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edge-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A child process may still be releasing the file; the OS cleans temp.
            }
        }
    }
}
