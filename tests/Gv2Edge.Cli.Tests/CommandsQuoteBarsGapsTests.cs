using System.Text.Json;
using Gv2Edge.Tws.Simulator;
using Xunit;
using static Gv2Edge.Cli.Tests.CommandsCheckTests;

namespace Gv2Edge.Cli.Tests;

public sealed class CommandsQuoteBarsGapsTests
{
    private static readonly string[] QuoteFields =
    [
        "symbol", "time", "session", "last", "bid", "ask", "bidSize", "askSize", "spread", "spreadPct", "volume", "vwap", "open",
        "high", "low", "prevClose", "changePct", "gapPct", "marketDataType", "halted",
    ];

    private static SimulatorOptions GapUp => new()
    {
        Port = 0,
        Scenario = "gap-up",
        Start = new DateTime(2026, 11, 24, 4, 30, 0),
        SnapshotSeconds = 0.2,
    };

    [Fact]
    public async Task Quote_json_has_exactly_the_contract_fields_and_an_unknown_symbol_becomes_an_error_entry_with_exit_3()
    {
        await using GatewaySimulator sim = await StartAsync(GapUp);

        (int code, string stdout, string stderr) = await CliRunner.RunAsync("quote", "SOUN", "ZZZZQ", "--port", Port(sim), "--json");

        Assert.True(code == 3, stderr + stdout);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement[] items = [.. doc.RootElement.EnumerateArray()];
        Assert.Equal(2, items.Length);
        Assert.Equal(QuoteFields, items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("PRE", items[0].GetProperty("session").GetString());
        Assert.InRange(items[0].GetProperty("gapPct").GetDouble(), 8, 15);
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("vwap").ValueKind);
        Assert.Equal("ZZZZQ", items[1].GetProperty("symbol").GetString());
        Assert.Equal(200, items[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(items[1].GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Quote_with_extended_adds_the_pre_market_fields()
    {
        await using GatewaySimulator sim = await StartAsync(GapUp);

        (int code, string stdout, string stderr) = await CliRunner.RunAsync("quote", "SOUN", "--extended", "--port", Port(sim), "--json");

        Assert.True(code == 0, stderr + stdout);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement q = doc.RootElement[0];
        Assert.Equal("prevClose", q.GetProperty("referenceKind").GetString());
        Assert.True(q.GetProperty("preMarketHigh").GetDouble() >= q.GetProperty("preMarketLow").GetDouble());
        Assert.True(q.GetProperty("preMarketVolume").GetDecimal() > 0);
    }

    [Fact]
    public async Task Gaps_over_a_csv_universe_list_SOUN_only_with_exit_0()
    {
        await using GatewaySimulator sim = await StartAsync(GapUp);
        string file = Path.Combine(Path.GetTempPath(), $"edge-universe-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file, ["name,symbol", "SoundHound,SOUN", "Apple,AAPL", "Nvidia,NVDA", "Tesla,TSLA"]);
        try
        {
            (int code, string stdout, string stderr) = await CliRunner.RunAsync("gaps", "--session", "pre", "--universe", file, "--port", Port(sim), "--json");

            Assert.True(code == 0, stderr + stdout);
            using JsonDocument doc = JsonDocument.Parse(stdout);
            JsonElement row = Assert.Single(doc.RootElement.EnumerateArray());
            Assert.Equal(["symbol", "session", "last", "reference", "referenceKind", "gapPct", "volume"], row.EnumerateObject().Select(p => p.Name));
            Assert.Equal("SOUN", row.GetProperty("symbol").GetString());
            Assert.Equal("prevClose", row.GetProperty("referenceKind").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Gaps_with_an_unknown_symbol_keep_the_other_rows_and_exit_3()
    {
        await using GatewaySimulator sim = await StartAsync(GapUp);

        (int code, string stdout, _) = await CliRunner.RunAsync("gaps", "--session", "pre", "--symbols", "SOUN,ZZZZQ", "--port", Port(sim), "--json");

        Assert.Equal(3, code);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement[] items = [.. doc.RootElement.EnumerateArray()];
        Assert.Equal("SOUN", items[0].GetProperty("symbol").GetString());
        Assert.Equal(200, items[1].GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Gaps_with_a_malformed_universe_file_name_the_line_and_exit_1_without_connecting()
    {
        string file = Path.Combine(Path.GetTempPath(), $"edge-universe-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file, ["ticker,name", "AAPL,Apple"]);
        try
        {
            (int code, string stdout, string stderr) = await CliRunner.RunAsync("gaps", "--universe", file, "--port", ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture));

            Assert.Equal(1, code);
            Assert.Empty(stdout);
            Assert.Contains("'symbol' column", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Gaps_with_a_missing_universe_file_say_so_with_exit_1()
    {
        (int code, _, string stderr) = await CliRunner.RunAsync("gaps", "--universe", "no-such-universe.csv");

        Assert.Equal(1, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bars_json_has_the_contract_fields_with_a_session_per_intraday_bar()
    {
        await using GatewaySimulator sim = await StartAsync(GapUp);

        (int code, string stdout, string stderr) = await CliRunner.RunAsync("bars", "AAPL", "--duration", "1200 S", "--bar-size", "5 mins", "--port", Port(sim), "--json");

        Assert.True(code == 0, stderr + stdout);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement[] bars = [.. doc.RootElement.EnumerateArray()];
        Assert.NotEmpty(bars);
        Assert.Equal(["time", "open", "high", "low", "close", "volume", "vwap", "count", "session"], bars[0].EnumerateObject().Select(p => p.Name));
        Assert.All(bars, b => Assert.Equal("PRE", b.GetProperty("session").GetString()));
        Assert.EndsWith("-05:00", bars[0].GetProperty("time").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bars_with_a_bar_size_IB_does_not_know_is_bad_usage()
    {
        (int code, _, string stderr) = await CliRunner.RunAsync("bars", "AAPL", "--bar-size", "7 mins");

        Assert.Equal(1, code);
        Assert.Contains("not an IB bar size", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quote_on_a_closed_port_exits_2_with_the_fix()
    {
        (int code, string stdout, string stderr) = await CliRunner.RunAsync("quote", "AAPL", "--port", ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("connection refused", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_outside_the_tcp_range_is_bad_usage()
    {
        (int code, _, string stderr) = await CliRunner.RunAsync("quote", "AAPL", "--port", "70000");

        Assert.Equal(1, code);
        Assert.Contains("--port", stderr, StringComparison.Ordinal);
    }
}
