using System.Text.Json;
using Gv2Edge.Cli.Alerts;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Radar.Events;
using Gv2Edge.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gv2Edge.Cli.Tests;

public sealed class AlertsDeliveryTests
{
    private static readonly DateTimeOffset T0 = JournalTestData.Open;
    private static readonly string[] Symbols = ["AAPL", "TSLA", "NVDA", "AMD"];

    [Fact]
    public async Task Webhook_outage_is_retried_and_every_alert_delivered_after_recovery_with_the_same_key()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        var clock = new FakeTimeProvider(T0);
        await using var server = new AlertsLoopbackServer { Status = 500 };
        using var http = new HttpClient();
        await using EdgeJournal journal = EdgeJournal.Open(dir.File("j.db"), clock);
        var dispatcher = new AlertDispatcher(journal, [new WebhookSink(http, server.Url("/hook"))], time: clock);
        using var stop = new CancellationTokenSource();
        Task run = dispatcher.RunAsync(stop.Token);

        string[] ids = [.. Symbols.Select((s, i) => $"evt-{i}")];
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.True(await dispatcher.PublishAsync(JournalTestData.Event(ids[i], Symbols[i], EventTypes.VolumeSpike, T0.AddSeconds(i))));
        }

        // Outage, first kind: the server answers 500.
        await Wait.UntilAsync("two 500 answers per alert", () =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return ids.All(id => server.Requests.Count(r => r.IdempotencyKey == id) >= 2);
        });
        Assert.All(journal.Reader.GetDeliveries(), d => Assert.Equal(DeliveryStatus.Undelivered, d.Status));
        Assert.All(journal.Reader.GetDeliveries(), d => Assert.Equal("webhook answered HTTP 500 Server Error", d.LastError));

        // Outage, second kind: nothing listens, connections are refused.
        await server.StopAsync();
        int[] before = [.. journal.Reader.GetDeliveries().Select(d => d.Attempts)];
        await Wait.UntilAsync("a refused attempt per alert", () =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            // An attempt already in flight when the server stopped may still land as a 500: wait for refused ones.
            IReadOnlyList<DeliveryRecord> now = journal.Reader.GetDeliveries();
            return now.Select(d => d.Attempts).Zip(before).All(p => p.First > p.Second)
                && now.All(d => d.LastError?.StartsWith("webhook unreachable", StringComparison.Ordinal) == true);
        });
        Assert.All(journal.Reader.GetDeliveries(), d => Assert.StartsWith("webhook unreachable", d.LastError, StringComparison.Ordinal));

        // Recovery.
        server.Status = 200;
        server.Restart();
        await Wait.UntilAsync("every alert delivered", () =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return journal.Reader.GetDeliveries().All(d => d.Status == DeliveryStatus.Delivered);
        });
        await stop.CancelAsync();
        await Wait.ForAsync("the dispatcher to stop", run.ContinueWith(_ => true, TaskScheduler.Default));

        AlertsLoopbackServer.Received[] requests = [.. server.Requests];
        Assert.Equal(ids.Order(), requests.Where(r => r.AnsweredStatus == 200).Select(r => r.IdempotencyKey!).Order());
        foreach (AlertsLoopbackServer.Received r in requests)
        {
            using JsonDocument body = JsonDocument.Parse(r.Body);
            Assert.Equal(r.IdempotencyKey, body.RootElement.GetProperty("id").GetString());
            Assert.Equal("POST", r.Method);
            Assert.Equal("/hook", r.Path);
            Assert.Equal("VOLUME_SPIKE", body.RootElement.GetProperty("type").GetString());
            Assert.Equal("WARNING", body.RootElement.GetProperty("severity").GetString());
        }

        Assert.Equal(ids.Length, dispatcher.Counters.Delivered);
        Assert.True(requests.Length >= ids.Length * 3, "two 500 answers and one delivery per alert at least");
    }

    [Fact]
    public async Task Alerts_left_undelivered_are_delivered_by_the_next_run()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        string path = dir.File("j.db");
        var clock = new FakeTimeProvider(T0);
        await using var server = new AlertsLoopbackServer { Status = 503 };
        using var http = new HttpClient();

        await using (EdgeJournal journal = EdgeJournal.Open(path, clock))
        {
            var first = new AlertDispatcher(journal, [new WebhookSink(http, server.Url())], time: clock);
            using var stop = new CancellationTokenSource();
            Task run = first.RunAsync(stop.Token);
            await first.PublishAsync(JournalTestData.Event("left-over", "GME", EventTypes.Halted, T0));
            await Wait.UntilAsync("a failed attempt", () => journal.Reader.GetDeliveries().Any(d => d.Attempts == 1));
            await stop.CancelAsync();
            await Wait.ForAsync("the first run to stop", run.ContinueWith(_ => true, TaskScheduler.Default));
        }

        server.Status = 200;
        await using (EdgeJournal journal = EdgeJournal.Open(path, clock))
        {
            var second = new AlertDispatcher(journal, [new WebhookSink(http, server.Url())], time: clock);
            using var stop = new CancellationTokenSource();
            Task run = second.RunAsync(stop.Token);
            await Wait.UntilAsync("the left-over alert delivered", () =>
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                return journal.Reader.GetDeliveries().Single().Status == DeliveryStatus.Delivered;
            });
            await stop.CancelAsync();
            await Wait.ForAsync("the second run to stop", run.ContinueWith(_ => true, TaskScheduler.Default));
        }

        Assert.All(server.Requests, r => Assert.Equal("left-over", r.IdempotencyKey));
        Assert.Equal(200, server.Requests.Last().AnsweredStatus);
    }

    [Fact]
    public async Task Discord_and_telegram_get_their_own_formats_and_the_idempotency_key()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await using var server = new AlertsLoopbackServer();
        using var http = new HttpClient();
        await using EdgeJournal journal = EdgeJournal.Open(dir.File("j.db"));
        IAlertSink[] sinks = [new DiscordSink(http, server.Url("/api/webhooks/123/abc")), new TelegramSink(http, "42:SECRET", "-100777", server.Url())];
        var dispatcher = new AlertDispatcher(journal, sinks);
        using var stop = new CancellationTokenSource();
        Task run = dispatcher.RunAsync(stop.Token);

        await dispatcher.PublishAsync(JournalTestData.Event("h-1", "AMC", EventTypes.Halted, T0) with { Reason = "halted @everyone" });
        await Wait.UntilAsync("both deliveries", () => server.Requests.Count == 2);
        await stop.CancelAsync();
        await Wait.ForAsync("the dispatcher to stop", run.ContinueWith(_ => true, TaskScheduler.Default));

        AlertsLoopbackServer.Received discord = server.Requests.Single(r => r.Path.StartsWith("/api/webhooks", StringComparison.Ordinal));
        using JsonDocument d = JsonDocument.Parse(discord.Body);
        Assert.Equal("[CRITICAL] AMC HALTED: halted @everyone (RTH, 09:30:00 -05:00)", d.RootElement.GetProperty("content").GetString());
        Assert.Equal(0, d.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal("h-1", discord.IdempotencyKey);

        AlertsLoopbackServer.Received telegram = server.Requests.Single(r => r.Path == "/bot42:SECRET/sendMessage");
        using JsonDocument t = JsonDocument.Parse(telegram.Body);
        Assert.Equal("-100777", t.RootElement.GetProperty("chat_id").GetString());
        Assert.StartsWith("[CRITICAL] AMC HALTED", t.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("h-1", telegram.IdempotencyKey);
    }

    [Fact]
    public async Task Events_below_the_minimum_severity_are_journaled_without_an_alert()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await using EdgeJournal journal = EdgeJournal.Open(dir.File("j.db"));
        using var bell = new StringWriter();
        var dispatcher = new AlertDispatcher(journal, [new TerminalBellSink(bell)]);

        Assert.False(await dispatcher.PublishAsync(JournalTestData.Event("n", "SPY", EventTypes.NewHigh, T0)));

        Assert.Single(journal.QueryEvents(new JournalQuery()));
        Assert.Empty(journal.Reader.GetDeliveries());
    }
}
