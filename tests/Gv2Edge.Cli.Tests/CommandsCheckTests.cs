using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Simulator;
using Xunit;

namespace Gv2Edge.Cli.Tests;

public sealed class CommandsCheckTests
{
    [Fact]
    public async Task Check_against_a_healthy_gateway_reports_version_accounts_farms_and_flowing_quotes_with_exit_0()
    {
        await using GatewaySimulator sim = await StartAsync(new SimulatorOptions { Port = 0, Scenario = "quiet" });

        (int code, string stdout, string stderr) = await CliRunner.RunAsync("check", "--port", Port(sim), "--json");

        Assert.True(code == 0, stderr + stdout);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement r = doc.RootElement;
        Assert.True(r.GetProperty("ok").GetBoolean());
        Assert.True(r.GetProperty("quotesFlowing").GetBoolean());
        Assert.Equal(187, r.GetProperty("serverVersion").GetInt32());
        Assert.Equal("DU1234567", r.GetProperty("accounts")[0].GetString());
        Assert.Contains(r.GetProperty("farms").EnumerateArray(), f => f.GetProperty("name").GetString() == "usfarm" && f.GetProperty("status").GetString() == "ok");
        Assert.True(r.GetProperty("roundTripMs").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Number, r.GetProperty("clockSkewMs").ValueKind);
        Assert.False(string.IsNullOrEmpty(r.GetProperty("connectionTime").GetString()));
    }

    [Fact]
    public async Task Check_on_a_closed_port_says_connection_refused_names_the_ports_and_the_api_settings_fix_with_exit_2()
    {
        int closed = ClosedPort();

        (int code, string stdout, string stderr) = await CliRunner.RunAsync("check", "--port", closed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");

        Assert.Equal(2, code);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement r = doc.RootElement;
        Assert.False(r.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("serverVersion").ValueKind);
        JsonElement p = r.GetProperty("problems")[0];
        Assert.Equal("connection-refused", p.GetProperty("code").GetString());
        Assert.Contains("Enable ActiveX and Socket Clients", p.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Contains("7496", p.GetProperty("message").GetString() + p.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_with_a_client_id_already_in_use_diagnoses_the_closed_connection_with_exit_2()
    {
        await using GatewaySimulator sim = await StartAsync(new SimulatorOptions { Port = 0, Scenario = "quiet" });
        await using var holder = new TwsClient(new TwsClientOptions { Port = sim.Port, ClientId = 55 });
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await holder.ConnectAsync(cts.Token);
        }

        (int code, string stdout, _) = await CliRunner.RunAsync("check", "--port", Port(sim), "--client-id", "55", "--json");

        Assert.Equal(2, code);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement p = doc.RootElement.GetProperty("problems")[0];
        Assert.Equal("closed-after-handshake", p.GetProperty("code").GetString());
        Assert.Contains("client id 55", p.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("paper", p.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_without_a_market_data_subscription_names_the_subscription_and_delayed_data_with_exit_3()
    {
        await using GatewaySimulator sim = await StartAsync(new SimulatorOptions
        {
            Port = 0,
            Scenario = "quiet",
            UnsubscribedSymbols = ["SPY"],
            DelayedDataEnabled = false,
        });

        (int code, string stdout, string stderr) = await CliRunner.RunAsync("check", "--port", Port(sim), "--json");

        Assert.True(code == 3, stderr + stdout);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement r = doc.RootElement;
        Assert.False(r.GetProperty("ok").GetBoolean());
        Assert.False(r.GetProperty("quotesFlowing").GetBoolean());
        // The simulator runs on another day than this computer, so a clock-skew warning may sit beside it.
        JsonElement p = Assert.Single(r.GetProperty("problems").EnumerateArray(), x => x.GetProperty("code").GetString() != "clock-skew");
        Assert.Equal("no-market-data-subscription", p.GetProperty("code").GetString());
        Assert.Contains("Market Data Subscriptions", p.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Contains("delayed", p.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_of_a_symbol_that_does_not_exist_says_so_with_exit_3()
    {
        await using GatewaySimulator sim = await StartAsync(new SimulatorOptions { Port = 0, Scenario = "quiet" });

        (int code, string stdout, _) = await CliRunner.RunAsync("check", "--port", Port(sim), "--symbol", "ZZZZQ", "--json");

        Assert.Equal(3, code);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.Contains(doc.RootElement.GetProperty("problems").EnumerateArray(), x => x.GetProperty("code").GetString() == "unknown-symbol");
    }

    [Fact]
    public async Task Check_on_a_closed_port_in_text_mode_prints_a_plain_diagnosis()
    {
        (int code, string stdout, string stderr) = await CliRunner.RunAsync("check", "--port", ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, code);
        Assert.Contains("connection refused", stdout, StringComparison.Ordinal);
        Assert.Contains("FAILED: not connected.", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    internal static async Task<GatewaySimulator> StartAsync(SimulatorOptions options)
    {
        var sim = new GatewaySimulator(options);
        await sim.StartAsync();
        return sim;
    }

    internal static string Port(GatewaySimulator sim) => sim.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
