using Gv2Edge.Cli.Alerts;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Radar.Events;
using Xunit;

namespace Gv2Edge.Cli.Tests;

public sealed class AlertsPolicyTests
{
    private static readonly DateTimeOffset T0 = JournalTestData.Open;

    [Fact]
    public void Cooldown_is_per_symbol_and_critical_events_bypass_it()
    {
        var policy = new AlertPolicy(new AlertOptions { Cooldown = TimeSpan.FromSeconds(60) });

        Assert.True(policy.ShouldAlert(JournalTestData.Event("1", "AAPL", EventTypes.VolumeSpike, T0), out _));
        Assert.False(policy.ShouldAlert(JournalTestData.Event("2", "AAPL", EventTypes.PriceSurge, T0.AddSeconds(59)), out _));
        Assert.True(policy.ShouldAlert(JournalTestData.Event("3", "TSLA", EventTypes.PriceSurge, T0.AddSeconds(59)), out _));
        Assert.True(policy.ShouldAlert(JournalTestData.Event("4", "AAPL", EventTypes.Halted, T0.AddSeconds(59)), out AlertSeverity s));
        Assert.Equal(AlertSeverity.Critical, s);
        Assert.False(policy.ShouldAlert(JournalTestData.Event("5", "AAPL", EventTypes.VolumeSpike, T0.AddSeconds(100)), out _));
        Assert.True(policy.ShouldAlert(JournalTestData.Event("6", "AAPL", EventTypes.VolumeSpike, T0.AddSeconds(119)), out _));
    }

    [Fact]
    public void Blip_priority_sets_the_severity_of_acceleration_events()
    {
        var policy = new AlertPolicy();
        RadarEvent Blip(string p) => JournalTestData.Event("b", "NVDA", EventTypes.RadarBlip, T0, new Dictionary<string, object?> { ["blipPriority"] = p });

        Assert.Equal(AlertSeverity.Critical, policy.SeverityOf(Blip("CRITICAL")));
        Assert.Equal(AlertSeverity.Warning, policy.SeverityOf(Blip("HIGH")));
        Assert.Equal(AlertSeverity.Info, policy.SeverityOf(Blip("LOW")));
        Assert.Equal(AlertSeverity.Info, policy.SeverityOf(JournalTestData.Event("x", "NVDA", "SOMETHING_NEW", T0)));
    }

    [Fact]
    public void Retry_delay_doubles_from_the_base_up_to_the_cap()
    {
        var options = new AlertOptions { RetryBase = TimeSpan.FromSeconds(2), RetryCap = TimeSpan.FromSeconds(30) };

        Assert.Equal([2, 4, 8, 16, 30, 30], new[] { 1, 2, 3, 4, 5, 60 }.Select(n => options.RetryDelay(n).TotalSeconds));
    }

    [Fact]
    public void Sinks_come_from_the_environment_and_their_targets_hide_secrets()
    {
        var env = new Dictionary<string, string?>
        {
            ["EDGE_ALERTS_WEBHOOK_URL"] = "https://hooks.example.com/in/s3cr3t-path?token=abcd1234",
            ["EDGE_ALERTS_DISCORD_URL"] = "https://discord.com/api/webhooks/1/TOPSECRET",
            ["EDGE_ALERTS_TELEGRAM_TOKEN"] = "123456:BOTSECRET",
            ["EDGE_ALERTS_TELEGRAM_CHAT_ID"] = "-1001",
        };
        using var http = new HttpClient();
        using var bell = new StringWriter();

        IReadOnlyList<IAlertSink> sinks = AlertSinkFactory.FromEnvironment(k => env.GetValueOrDefault(k), http, bell);

        Assert.Equal(["bell", "webhook", "discord", "telegram"], sinks.Select(s => s.Name));
        string targets = string.Join(" ", sinks.Select(s => s.Target));
        Assert.DoesNotContain("s3cr3t", targets, StringComparison.Ordinal);
        Assert.DoesNotContain("abcd1234", targets, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRET", targets, StringComparison.Ordinal);
        Assert.DoesNotContain("BOTSECRET", targets, StringComparison.Ordinal);
        Assert.Contains("https://discord.com/***", targets, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_alert_configuration_names_the_variable_without_echoing_its_value()
    {
        using var http = new HttpClient();
        var badUrl = new Dictionary<string, string?> { ["EDGE_ALERTS_WEBHOOK_URL"] = "not a url SECRET" };
        var halfTelegram = new Dictionary<string, string?> { ["EDGE_ALERTS_TELEGRAM_TOKEN"] = "1:SECRET" };

        var e1 = Assert.Throws<ConfigurationException>(() => AlertSinkFactory.FromEnvironment(k => badUrl.GetValueOrDefault(k), http));
        var e2 = Assert.Throws<ConfigurationException>(() => AlertSinkFactory.FromEnvironment(k => halfTelegram.GetValueOrDefault(k), http));
        var e3 = Assert.Throws<ConfigurationException>(() => AlertOptions.FromEnvironment(k => k == "EDGE_ALERTS_MIN_SEVERITY" ? "loud" : null));

        Assert.Contains("EDGE_ALERTS_WEBHOOK_URL", e1.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", e1.Message, StringComparison.Ordinal);
        Assert.Contains("EDGE_ALERTS_TELEGRAM_CHAT_ID", e2.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", e2.Message, StringComparison.Ordinal);
        Assert.Contains("EDGE_ALERTS_MIN_SEVERITY", e3.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_replaces_every_secret_in_a_message()
    {
        Assert.Equal("POST https://api.telegram.org/bot***/sendMessage failed", SecretMask.Mask("POST https://api.telegram.org/bot1:ABCDEF/sendMessage failed", ["1:ABCDEF"]));
    }

    [Fact]
    public async Task Terminal_bell_rings_on_stderr_with_the_alert_line()
    {
        using var err = new StringWriter();
        var bell = new TerminalBellSink(err);

        await bell.SendAsync(new AlertMessage(JournalTestData.Event("b", "AMD", EventTypes.PriceDrop, T0), AlertSeverity.Warning), CancellationToken.None);

        Assert.StartsWith("\a[WARNING] AMD PRICE_DROP:", err.ToString(), StringComparison.Ordinal);
    }
}
