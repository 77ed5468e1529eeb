using System.Globalization;
using System.Text.Json;
using Gv2Edge.Cli.Commands;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Cli.Journal;
using Gv2Edge.TestKit;
using Gv2Edge.Tws.Simulator;
using Xunit;

namespace Gv2Edge.Cli.Tests;

/// <summary><c>edge run</c> against the in-process simulator on a loopback port, as against IB Gateway.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_waits_for_a_gateway_that_starts_late_then_streams_and_journals_each_connection_change()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        string journal = dir.File("journal.db");
        int port = CommandsCheckTests.ClosedPort();
        var run = new RunningEdge("run", "--port", Text(port), "--symbols", "NVDA,TSLA,SOUN", "--duration", "4s", "--headless", "--json",
            "--config", Config(dir, journal));

        await Wait.UntilAsync("the run says it keeps retrying", () => run.Err.Contains("retrying in the background", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains("connection refused", run.Err, StringComparison.Ordinal);
        await using GatewaySimulator sim = await CommandsCheckTests.StartAsync(new SimulatorOptions { Port = port, Scenario = "quiet" });
        int code = await run.ExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(code == 0, run.Err);
        JsonElement summary = run.Summary();
        Assert.Equal(3, summary.GetProperty("subscriptions").GetInt32());
        Assert.True(summary.GetProperty("ticks").GetInt64() > 0, summary.ToString());
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        IReadOnlyList<ConnectionChangeRecord> changes = JournalReader.Open(journal).QueryConnectionChanges();
        string states = string.Join(", ", changes.Select(c => c.State));
        Assert.Contains(changes, c => c.State == "Connecting");
        Assert.Contains(changes, c => c.State == "Reconnecting" && c.Detail!.Contains("Connection refused", StringComparison.Ordinal));
        ConnectionChangeRecord connected = Assert.Single(changes, c => c.State == "Connected");
        Assert.Equal(187, connected.ServerVersion);
        Assert.DoesNotContain("reconnected", connected.Detail, StringComparison.Ordinal);
        Assert.True(changes.Any(c => c.State == "farm ok" && c.Detail!.Contains("2104", StringComparison.Ordinal)), states);
    }

    [Fact]
    public async Task Ctrl_c_while_running_ends_cleanly_with_the_summary()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await using GatewaySimulator sim = await CommandsCheckTests.StartAsync(new SimulatorOptions { Port = 0, Scenario = "quiet" });
        var run = new RunningEdge("run", "--port", Text(sim.Port), "--symbols", "AAPL,NVDA", "--headless", "--config", Config(dir, dir.File("journal.db")));

        await Wait.UntilAsync("the run is connected", () => run.Err.Contains("edge run: connected to", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        run.PressCtrlC();
        int code = await run.ExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(code == 0, run.Err);
        Assert.Contains("Summary: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("subscriptions", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_before_the_gateway_answers_exits_2_saying_nothing_was_streamed()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        var run = new RunningEdge("run", "--port", Text(CommandsCheckTests.ClosedPort()), "--symbols", "AAPL", "--config", Config(dir, dir.File("journal.db")));

        await Wait.UntilAsync("the run says it keeps retrying", () => run.Err.Contains("retrying in the background", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        run.PressCtrlC();
        int code = await run.ExitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExitCodes.Gateway, code);
        Assert.Contains("nothing was streamed", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_without_symbols_is_bad_usage_naming_the_options()
    {
        (int code, _, string stderr) = await CliRunner.RunAsync("run", "--port", Text(CommandsCheckTests.ClosedPort()));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--symbols", stderr, StringComparison.Ordinal);
        Assert.Contains("--universe", stderr, StringComparison.Ordinal);
    }

    internal static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    internal static string Config(JournalTestData.TempDir dir, string journal)
    {
        string path = dir.File("appsettings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { Journal = new { Path = journal } }));
        return path;
    }

    /// <summary>An in-process <c>edge</c> running in the background, with thread-safe views of its output.</summary>
    internal sealed class RunningEdge
    {
        private readonly StringWriter _out = new();
        private readonly StringWriter _err = new();
        private readonly TextWriter _syncOut;
        private readonly TextWriter _syncErr;
        private readonly CancellationTokenSource _ctrlC = new();
        private readonly Task<int> _run;

        public RunningEdge(params string[] args)
        {
            _syncOut = TextWriter.Synchronized(_out);
            _syncErr = TextWriter.Synchronized(_err);
            var app = new EdgeApp(CommandCatalog.All, _syncOut, _syncErr);
            _run = Task.Run(() => app.RunAsync(args, isTerminal: false, _ctrlC.Token));
        }

        public string Out
        {
            get
            {
                lock (_syncOut)
                {
                    return _out.ToString();
                }
            }
        }

        public string Err
        {
            get
            {
                lock (_syncErr)
                {
                    return _err.ToString();
                }
            }
        }

        public void PressCtrlC() => _ctrlC.Cancel();

        public Task<int> ExitAsync(TimeSpan timeout) => Wait.ForAsync("edge exits", _run, timeout);

        public JsonElement Summary() => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .Single(e => e.GetProperty("type").GetString() == "SUMMARY");
    }
}
