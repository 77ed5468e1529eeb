using System.Text.Json;
using Gv2Edge.Cli.Commands;
using Gv2Edge.Cli.Infrastructure;
using Xunit;

namespace Gv2Edge.IntegrationTests;

/// <summary>
/// <c>edge demo --headless --json --duration 60s</c> end to end, in-process: simulator on a loopback port, the
/// client over TCP, the whole pipeline on the market clock. The demo scenario's description says what must fire.
/// </summary>
public class DemoEndToEndTests
{
    [Fact]
    public async Task Demo_reports_the_scripted_events_and_not_the_near_miss()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"edge-demo-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        string config = Path.Combine(dir, "appsettings.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Journal = new { Path = Path.Combine(dir, "journal.db") } }));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var app = new EdgeApp(CommandCatalog.All, stdout, stderr);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        int code = await app.RunAsync(["demo", "--headless", "--json", "--duration", "60s", "--config", config], isTerminal: false, guard.Token);

        Assert.True(code == 0, $"exit {code}: {stderr}");
        List<JsonElement> lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        JsonElement summary = Assert.Single(lines, l => l.GetProperty("type").GetString() == "SUMMARY");
        Assert.True(summary.GetProperty("subscriptions").GetInt32() >= 50, summary.ToString());
        Assert.True(summary.GetProperty("ticks").GetInt64() > 1000, summary.ToString());
        Assert.Equal(0, summary.GetProperty("droppedEvents").GetInt64());

        var all = lines.Where(l => l.GetProperty("type").GetString() != "SUMMARY").ToList();
        foreach (JsonElement e in all)
        {
            foreach (string field in new[] { "time", "symbol", "type", "value", "threshold", "reason", "session", "dataQuality", "priority" })
            {
                Assert.True(e.TryGetProperty(field, out _), $"event without {field}: {e}");
            }
        }

        // The pre-market gap scan found SOUN's scripted 9% gap: a GAP row, printed as an ANOMALY line.
        var anomalies = all.Where(l => l.GetProperty("type").GetString() == "ANOMALY").ToList();
        Assert.Contains(anomalies, a => a.GetProperty("symbol").GetString() == "SOUN" && a.GetProperty("types").EnumerateArray().Any(t => t.GetString() == "GAP"));
        Assert.All(anomalies, a => Assert.Equal(a.GetProperty("value").GetDouble(), a.GetProperty("score").GetDouble()));
        Assert.Equal(0, summary.GetProperty("evictions").GetInt64());

        // The anomaly radar runs by default (threshold 0.2, its emit score; a gap-scan row's is 0.15): SOUN's scripted gap
        // up is one of its rows. (Before 09:25:30 the pre-market's random walk may show a gap either way.)
        var radarGaps = anomalies.Where(a => a.GetProperty("symbol").GetString() == "SOUN" && a.GetProperty("threshold").GetDouble() == 0.2
            && a.GetProperty("types").EnumerateArray().Any(t => t.GetString() == "GAP") && a.GetProperty("gapPct").GetDouble() > 3).ToList();
        Assert.True(radarGaps.Count > 0, "no radar row for SOUN's gap: " + string.Join("; ", anomalies.Select(a => a.GetProperty("reason").GetString())));
        Assert.Contains("gap up", radarGaps[0].GetProperty("reason").GetString(), StringComparison.Ordinal);

        var events = all.Except(anomalies).ToList();
        bool Has(string symbol, string type) => events.Any(e => e.GetProperty("symbol").GetString() == symbol && e.GetProperty("type").GetString() == type);
        string seen = string.Join("; ", events.Where(e => e.GetProperty("type").GetString() != "NEW_HIGH")
            .Select(e => $"{e.GetProperty("symbol").GetString()} {e.GetProperty("type").GetString()}"));
        Assert.True(Has("SOUN", "VOLUME_SPIKE"), seen);
        Assert.True(Has("NVDA", "PRICE_SURGE"), seen);
        Assert.True(Has("TSLA", "NEW_HIGH"), seen);
        Assert.True(Has("BBAI", "SPREAD_TIGHTENING"), seen);
        Assert.True(Has("RGTI", "HALTED"), seen);
        Assert.True(Has("RGTI", "RESUMED"), seen);
        Assert.True(Has("RGTI", "PRICE_SURGE"), seen);
        Assert.True(Has("MARA", "VOLUME_SPIKE"), seen);
        Assert.True(Has("PLTR", "PRICE_DROP"), seen);
        Assert.False(Has("SOFI", "PRICE_SURGE"), "SOFI's +1.5% drift is a scripted near miss: " + seen);
        Directory.Delete(dir, recursive: true);
    }
}
