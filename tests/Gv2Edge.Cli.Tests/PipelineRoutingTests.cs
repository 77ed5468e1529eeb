using Gv2Edge.Cli.Pipeline;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.TestKit;
using Gv2Edge.Tws;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator;
using Xunit;

namespace Gv2Edge.Cli.Tests;

/// <summary>
/// The streaming pipeline against the simulator: it reads only its own lines from the client's update channel, and a
/// line a scan holds for a moment delays a subscription, never loses it.
/// </summary>
public sealed class PipelineRoutingTests
{
    private static Contract Stock(string symbol) => new() { Symbol = symbol, SecType = "STK", Exchange = "SMART", Currency = "USD" };

    [Fact]
    public async Task Scan_lines_on_the_shared_update_channel_never_reach_the_streaming_engine()
    {
        await using GatewaySimulator sim = await CommandsCheckTests.StartAsync(new SimulatorOptions { Port = 0, Scenario = "quiet", Speed = 10 });
        await using var client = new TwsClient(new TwsClientOptions { Port = sim.Port, TimeProvider = sim.Clock, ClientId = 31 });
        await client.ConnectAsync();
        await using var pipeline = new LivePipeline(client, sim.Clock, new StreamingOptions());
        pipeline.Start(["AAPL"]);
        await Wait.UntilAsync("AAPL streams", () => pipeline.Store.Snapshot("AAPL") is { Updates: > 0 }, TimeSpan.FromSeconds(20));

        // What a radar or flow scan opens meanwhile: a line on a symbol the engine does not stream, and a second line on one it does.
        MarketDataSubscription other = client.Subscribe(Stock("MSFT"), "", LineKind.OnDemand);
        MarketDataSubscription twin = client.Subscribe(Stock("AAPL"), "100,101", LineKind.OnDemand);
        MarketDataSubscription streaming = client.Subscriptions.Single(s => s.Kind == LineKind.Streaming);
        long twinBefore = twin.Ticker.Snapshot().UpdateCount;
        await Wait.UntilAsync("both scan lines update", () => other.Ticker.Snapshot().UpdateCount > 5 && twin.Ticker.Snapshot().UpdateCount > twinBefore + 5,
            TimeSpan.FromSeconds(20));
        client.Unsubscribe(other);
        client.Unsubscribe(twin);

        Assert.False(pipeline.Store.Snapshot("MSFT") is { Updates: > 0 }, "a scan line's ticks reached the engine");
        Assert.True((pipeline.Store.Snapshot("AAPL")?.Updates ?? 0) <= streaming.Ticker.Snapshot().UpdateCount,
            "the AAPL state counted more updates than its streaming line had: the scan line's ticks were applied too");
    }

    [Fact]
    public async Task A_subscription_that_finds_its_line_held_by_a_scan_waits_and_gets_it_when_the_scan_lets_go()
    {
        await using GatewaySimulator sim = await CommandsCheckTests.StartAsync(new SimulatorOptions { Port = 0, Scenario = "quiet", Speed = 10 });
        // Two lines for streaming (12 less the 10 reserved); a scan takes one of them first, as a radar scan's quote lines do.
        await using var client = new TwsClient(new TwsClientOptions { Port = sim.Port, TimeProvider = sim.Clock, ClientId = 32, MaxLines = 12, ReservedLines = 10 });
        await client.ConnectAsync();
        MarketDataSubscription scan = client.Subscribe(Stock("MSFT"), "", LineKind.Streaming);
        await using var pipeline = new LivePipeline(client, sim.Clock, new StreamingOptions { RetryDelay = TimeSpan.FromSeconds(2) });

        pipeline.Start(["AAPL", "NVDA"]);
        await Wait.UntilAsync("one of the two found no line free", () => pipeline.Subscriptions.Retries > 0, TimeSpan.FromSeconds(20));
        Assert.Equal(2, pipeline.Subscriptions.Count);
        client.Unsubscribe(scan);

        await Wait.UntilAsync("both stream", () => pipeline.Store.Snapshot("AAPL") is { Updates: > 0 } && pipeline.Store.Snapshot("NVDA") is { Updates: > 0 },
            TimeSpan.FromSeconds(30));
        Assert.Equal((2, 0L, 0L), (pipeline.Subscriptions.Count, pipeline.Subscriptions.Failures, pipeline.Subscriptions.Evictions));
        Assert.Equal(2, client.Subscriptions.Count(s => s.Kind == LineKind.Streaming));
    }
}
