using System.Text.Json;
using Gv2Edge.Tws.Simulator;
using Gv2Edge.Tws.Simulator.Faults;
using Xunit;
using static Gv2Edge.Cli.Tests.CommandsCheckTests;

namespace Gv2Edge.Cli.Tests;

public sealed class CommandsRadarTests : IDisposable
{
    private static readonly string[] RowFields =
    [
        "symbol", "types", "score", "gapPct", "volumeRatio", "rangeToAtr", "last", "prevClose", "volume", "avgVolumeToTime", "atr",
        "session", "dataQuality",
    ];

    private readonly string _cache = Path.Combine(Path.GetTempPath(), $"edge-radar-cli-{Guid.NewGuid():N}");

    private static SimulatorOptions GapUp => new() { Port = 0, Scenario = "gap-up", Start = new DateTime(2026, 11, 24, 4, 30, 0) };

    [Fact]
    public async Task Radar_json_rows_have_exactly_the_contract_fields_an_unknown_symbol_is_an_error_entry_and_the_exit_is_3()
    {
        await using GatewaySimulator sim = await StartAsync(GapUp);

        (int code, string stdout, string stderr) = await CliRunner.RunAsync("radar", "--symbols", "SOUN,AAPL,ZZZZQ", "--port", Port(sim), "--cache-dir", _cache, "--json");

        Assert.True(code == 3, stderr + stdout);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement[] items = [.. doc.RootElement.EnumerateArray()];
        JsonElement soun = items[0];
        Assert.Equal(RowFields, soun.EnumerateObject().Select(p => p.Name));
        Assert.Equal("SOUN", soun.GetProperty("symbol").GetString());
        Assert.Contains("GAP", soun.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        Assert.InRange(soun.GetProperty("gapPct").GetDouble(), 10, 14);
        Assert.Equal("PRE", soun.GetProperty("session").GetString());
        Assert.Equal("live", soun.GetProperty("dataQuality").GetString());
        JsonElement error = items.Single(i => i.GetProperty("symbol").GetString() == "ZZZZQ");
        Assert.Equal(200, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("radar: 3 symbols", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_cache, "radar-baselines-2026-11-24.json")));
    }

    [Fact]
    public async Task Radar_continuous_mode_prints_new_suspects_as_json_lines_once()
    {
        await using GatewaySimulator sim = await StartAsync(GapUp);

        (int code, string stdout, string stderr) = await CliRunner.RunAsync("radar", "SOUN", "AAPL", "--interval", "1s", "--scans", "2", "--port", Port(sim),
            "--cache-dir", _cache, "--json");

        Assert.True(code == 0, stderr + stdout);
        string line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using JsonDocument doc = JsonDocument.Parse(line);
        Assert.Equal("SOUN", doc.RootElement.GetProperty("symbol").GetString());
        Assert.Equal(2, stderr.Split('\n').Count(l => l.StartsWith("radar: 2 symbols", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Radar_text_says_which_volume_baseline_each_spike_used_when_the_gateway_refuses_a_symbols_bars()
    {
        await using GatewaySimulator sim = await StartAsync(new SimulatorOptions
        {
            Port = 0,
            Scenario = "volume-burst",
            Start = new DateTime(2026, 11, 24, 9, 41, 0),
            HistoricalFailures = new Dictionary<string, HistoricalFailure> { ["AMD"] = HistoricalFailure.NoData },
        });

        (int code, string stdout, string stderr) = await CliRunner.RunAsync("radar", "--symbols", "AMD,AAPL", "--port", Port(sim), "--cache-dir", _cache, "--all");

        Assert.True(code == 3, stderr + stdout);
        string amd = stdout[stdout.IndexOf("AMD ", StringComparison.Ordinal)..];
        Assert.Contains("VOLUME_SPIKE", amd, StringComparison.Ordinal);
        Assert.Contains("(baseline from IB's 90-day average volume", amd, StringComparison.Ordinal);
        Assert.Contains("AMD    error 162: ", stdout, StringComparison.Ordinal);
        Assert.Contains("1 volume baselines from IB's average volume", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--symbols", "AAPL", "--universe", "x.txt")]
    [InlineData("--scanner", "TOP_PERC_GAIN", "--symbols", "AAPL")]
    [InlineData("--min-price", "30", "--max-price", "20")]
    [InlineData("--scans", "2", "--symbols", "AAPL")]
    [InlineData("--interval", "0.5s", "--symbols", "AAPL")]
    [InlineData("--universe", "no-such-universe-file.txt")]
    public async Task Radar_rejects_bad_usage_with_exit_1_and_a_plain_sentence(params string[] args)
    {
        (int code, string stdout, string stderr) = await CliRunner.RunAsync(["radar", .. args, "--port", "1"]);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith("edge radar: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }
}
