using Gv2Edge.Cli.Pipeline;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.TestKit;
using Gv2Edge.Tws;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator;
using Xunit;

namespace Gv2Edge.Cli.Tests;

/// <summary>The streaming pipeline reads only its own lines from the client's update channel.</summary>
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
}
