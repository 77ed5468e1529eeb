using System.Text.Json;
using Gv2Edge.Tws.Simulator;
using Xunit;
using static Gv2Edge.Cli.Tests.CommandsCheckTests;

namespace Gv2Edge.Cli.Tests;

public sealed class FlowCommandTests
{
    private static readonly string[] FlowFields =
    [
        "symbol", "score", "signals", "callVolume", "putVolume", "callOpenInterest", "putOpenInterest", "putCallRatio", "callShare",
        "volumeToOpenInterest", "avgOptionVolume", "impliedVol", "targetStrike", "newPositions", "topStrikes", "dataQuality",
        "status", "notes",
    ];

    private static readonly string[] StrikeFields =
        ["expiry", "strike", "right", "volume", "openInterest", "impliedVol", "delta", "gamma", "theta", "vega", "greeksSource"];

    private static readonly string[] SignalFields = ["type", "value", "threshold", "score", "reason"];

    private static SimulatorOptions CallBurst => new()
    {
        Port = 0,
        Scenario = "call-burst",
        Start = new DateTime(2026, 11, 24, 9, 45, 0),
        SnapshotSeconds = 0.2,
    };

    [Fact]
    public async Task Flow_json_has_the_contract_fields_a_symbol_without_options_a_status_and_an_unknown_one_an_error_entry()
    {
        await using GatewaySimulator sim = await StartAsync(CallBurst);

        (int code, string stdout, string stderr) = await CliRunner.RunAsync("flow", "AAPL", "BBAI", "ZZZZQ", "--port", Port(sim), "--json");

        Assert.True(code == 3, stderr + stdout);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement[] items = [.. doc.RootElement.EnumerateArray()];
        Assert.Equal(3, items.Length);
        JsonElement aapl = items[0];
        Assert.Equal(FlowFields, aapl.EnumerateObject().Select(p => p.Name));
        Assert.Equal("AAPL", aapl.GetProperty("symbol").GetString());
        Assert.Equal(230, aapl.GetProperty("targetStrike").GetDouble());
        Assert.Equal("live", aapl.GetProperty("dataQuality").GetString());
        Assert.Equal("ok", aapl.GetProperty("status").GetString());
        Assert.InRange(aapl.GetProperty("callShare").GetDouble(), 50, 100);  // percent
        Assert.InRange(aapl.GetProperty("impliedVol").GetDouble(), 5, 100);  // percent
        Assert.InRange(aapl.GetProperty("score").GetDouble(), 0.5, 1);
        JsonElement signal = aapl.GetProperty("signals")[0];
        Assert.Equal(SignalFields, signal.EnumerateObject().Select(p => p.Name));
        Assert.Contains(aapl.GetProperty("signals").EnumerateArray(), s => s.GetProperty("type").GetString() == "HIGH_CALL_VOLUME");
        JsonElement top = aapl.GetProperty("topStrikes")[0];
        Assert.Equal(StrikeFields, top.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("20261127", 230.0, "C", "ib"), (top.GetProperty("expiry").GetString(), top.GetProperty("strike").GetDouble(),
            top.GetProperty("right").GetString(), top.GetProperty("greeksSource").GetString()));
        Assert.InRange(top.GetProperty("impliedVol").GetDouble(), 5, 100);  // percent, like the top-level figure
        Assert.Equal(JsonValueKind.Array, aapl.GetProperty("newPositions").ValueKind);

        JsonElement bbai = items[1];
        Assert.Equal("no-options", bbai.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, bbai.GetProperty("putCallRatio").ValueKind);
        Assert.Equal(JsonValueKind.Null, bbai.GetProperty("targetStrike").ValueKind);
        Assert.Equal(0, bbai.GetProperty("score").GetDouble());

        Assert.Equal("ZZZZQ", items[2].GetProperty("symbol").GetString());
        Assert.Equal(200, items[2].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("no trade direction", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flow_over_a_universe_file_prints_a_table_with_the_limits_and_progress_on_stderr()
    {
        await using GatewaySimulator sim = await StartAsync(CallBurst);
        string file = Path.Combine(Path.GetTempPath(), $"flow-universe-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "# two symbols\nAAPL\nKO\n");
        try
        {
            (int code, string stdout, string stderr) = await CliRunner.RunAsync("flow", "--universe", file, "--port", Port(sim));

            Assert.True(code == 0, stderr + stdout);
            Assert.StartsWith("SYMBOL", stdout, StringComparison.Ordinal);
            Assert.Contains("HIGH_CALL_VOLUME", stdout, StringComparison.Ordinal);
            Assert.Contains("open interest is the previous day's", stdout, StringComparison.Ordinal);
            Assert.Contains("flow: 2/2", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("flow")]
    [InlineData("flow", "AAPL", "--drill-down", "sometimes")]
    [InlineData("flow", "AAPL", "--expirations", "0")]
    [InlineData("flow", "AAPL", "--universe", "x.txt")]
    public async Task Bad_usage_exits_1_with_a_sentence_and_the_usage(params string[] args)
    {
        (int code, string stdout, string stderr) = await CliRunner.RunAsync([.. args, "--port", "1"]);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("Usage: edge flow", stderr, StringComparison.Ordinal);
    }
}
