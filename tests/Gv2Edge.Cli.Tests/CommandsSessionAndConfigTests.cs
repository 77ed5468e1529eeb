using System.Text.Json;
using Xunit;

namespace Gv2Edge.Cli.Tests;

public class CommandsSessionAndConfigTests
{
    [Fact]
    public async Task Session_json_on_a_half_day_reports_the_early_close()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("session", "--json", "--at", "2026-11-27 12:00");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal("RTH", root.GetProperty("session").GetString());
        Assert.True(root.GetProperty("halfDay").GetBoolean());
        Assert.Equal("2026-11-27T13:00:00-05:00", root.GetProperty("rthClose").GetString());
        Assert.Equal("2026-11-30T09:30:00-05:00", root.GetProperty("nextOpen").GetString());
    }

    [Theory]
    [InlineData("2026-11-25T08:59:59Z", "CLOSED")]
    [InlineData("2026-11-25T09:00:00Z", "PRE")]
    [InlineData("2026-11-25 09:30", "RTH")]
    [InlineData("2026-11-25 16:00", "POST")]
    [InlineData("2026-11-25 20:00", "CLOSED")]
    [InlineData("2026-11-26 10:00", "CLOSED")]
    public async Task Session_at_accepts_exchange_time_and_iso_with_offset(string at, string expected)
    {
        var (code, stdout, _) = await CliRunner.RunAsync("session", "--json", "--at", at);
        Assert.Equal(0, code);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.Equal(expected, doc.RootElement.GetProperty("session").GetString());
    }

    [Fact]
    public async Task A_bad_time_is_a_plain_usage_error_with_exit_code_1()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("session", "--at", "tomorrow-ish");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("is not a time", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_or_option_exits_1_and_says_what_is_known()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("sesion");
        Assert.Equal(1, code);
        Assert.Contains("unknown command", stderr, StringComparison.Ordinal);

        (code, _, stderr) = await CliRunner.RunAsync("session", "--frobnicate");
        Assert.Equal(1, code);
        Assert.Contains("--frobnicate", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_shows_command_line_values_with_their_source()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("config", "--json", "--port", "4001");
        Assert.Equal(0, code);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement port = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("key").GetString() == "Ibkr:Port");
        Assert.Equal("4001", port.GetProperty("value").GetString());
        Assert.Equal("command line", port.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_bad_port_is_rejected_naming_the_flag()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("config", "--port", "70000");
        Assert.Equal(1, code);
        Assert.Contains("--port", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_configuration_file_value_names_the_key()
    {
        string file = Path.Combine(Path.GetTempPath(), $"edge-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "Ibkr": { "MarketDataType": "realtime" } }""");
        try
        {
            var (code, _, stderr) = await CliRunner.RunAsync("config", "--config", file);
            Assert.Equal(1, code);
            Assert.Contains("Ibkr:MarketDataType", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
