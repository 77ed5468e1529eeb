using Gv2Edge.TestKit;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator.Load;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

public sealed class LoadModeTests
{
    private static readonly string[] Symbols = ["AAPL", "NVDA", "SOUN"];

    private static GatewaySimulator Create(FakeTimeProvider time, LoadOptions load)
        => Sim.Create(time, configure: o => o with { Load = load });

    /// <summary>Connects, subscribes reqIds 1..3 and waits for each line's initial (model) ticks.</summary>
    private static async Task<SimClient> SubscribeAsync(GatewaySimulator sim)
    {
        SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        for (int i = 0; i < Symbols.Length; i++)
        {
            int id = i + 1;
            var contract = new Contract { Symbol = Symbols[i], SecType = "STK", Exchange = "SMART", Currency = "USD" };
            await c.SendAsync((w, v) => new ReqMktData(id, contract, "", false).Encode(w, v));
            await c.WaitForAsync<TickPrice>($"line {id}'s open tick", t => t.ReqId == id && t.TickType == 14);
        }

        return c;
    }

    [Theory]
    [InlineData(50_000, 100, 5_000)]
    [InlineData(123_457, 100, 12_345)]
    [InlineData(1_000, 250, 250)]
    public async Task Load_mode_queues_rate_times_elapsed_frames_over_fake_1_ms_steps(double rate, int steps, long expected)
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Create(time, new LoadOptions { TicksPerSecond = rate });
        await using SimClient c = await SubscribeAsync(sim);
        Server.Outbox outbox = sim.Connections[0].Outbox;
        long before = outbox.FramesQueued;

        // Timer callbacks run inside Advance on this thread: the count is exact after each step.
        for (int i = 0; i < steps; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(expected, outbox.FramesQueued - before);
        Assert.Equal(expected, sim.LoadStatistics!.Value.FramesSent);
        Assert.Equal(0, sim.LoadStatistics!.Value.FramesBehind);
    }

    [Fact]
    public void A_late_timer_makes_a_bigger_batch_not_a_lower_rate()
    {
        var pacer = new LoadPacer(20_000, 1_000_000, 0);

        long first = pacer.Due(1_000); // 1 ms
        pacer.Sent(first);
        long late = pacer.Due(16_000); // the next step came 15 ms late

        Assert.Equal(20, first);
        Assert.Equal(300, late);
    }

    [Fact]
    public void A_backlog_beyond_100_ms_is_written_off_and_counted_behind()
    {
        var pacer = new LoadPacer(10_000, 1_000, 0);

        long due = pacer.Due(1_000); // one second with nothing sent
        pacer.Sent(400);

        Assert.Equal(1_000, due); // 100 ms worth
        Assert.Equal(9_000, pacer.Behind);
        Assert.Equal(600, pacer.Due(1_000));
    }

    [Fact]
    public async Task Load_frames_decode_as_level_1_ticks_of_the_subscribed_lines_near_their_prices()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Create(time, new LoadOptions { TicksPerSecond = 30_000, MovePercent = 0 });
        await using SimClient c = await SubscribeAsync(sim);
        Dictionary<int, double> start = c.All<TickPrice>(t => t.TickType == 4).ToDictionary(t => t.ReqId, t => t.Price);
        Dictionary<int, decimal> volume = c.All<TickSize>(t => t.TickType == 8).ToDictionary(t => t.ReqId, t => t.Size!.Value);
        c.Clear();

        for (int i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        await Wait.UntilAsync("3,000 load frames", () => c.Messages.Count >= 3_000);
        IReadOnlyList<object> got = c.Messages;
        Assert.Equal(3_000, got.Count);
        Assert.All(got, m => Assert.True(m is TickPrice or TickSize, $"unexpected {m}"));
        Assert.All(c.All<TickPrice>(), t =>
        {
            Assert.Contains(t.TickType, new[] { 1, 2, 4 });
            Assert.InRange(t.Price, start[t.ReqId] * 0.98, start[t.ReqId] * 1.02);
            Assert.True(t.Size > 0);
        });
        Assert.All(c.All<TickSize>(), t => Assert.Contains(t.TickType, new[] { 0, 3, 5, 8 }));
        foreach (int id in new[] { 1, 2, 3 })
        {
            Assert.Equal(1_000, got.Count(m => m is TickPrice p ? p.ReqId == id : ((TickSize)m).ReqId == id));
            decimal[] volumes = [.. c.All<TickSize>(t => t.ReqId == id && t.TickType == 8).Select(t => t.Size!.Value)];
            Assert.NotEmpty(volumes);
            Assert.True(volumes[0] >= volume[id], "volume continues from the model's");
            Assert.Equal(volumes.Order(), volumes);
        }

        // A realistic mix: quotes, size-only updates and trades all present.
        Assert.InRange(c.All<TickPrice>().Count, 900, 1_500);
        Assert.InRange(c.All<TickPrice>(t => t.TickType == 4).Count, 200, 500);
    }

    [Fact]
    public async Task Stamps_carry_the_driving_clocks_timestamp_of_each_batch()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Create(time, new LoadOptions { TicksPerSecond = 10_000, StampTickType = 87 });
        await using SimClient c = await SubscribeAsync(sim);
        c.Clear();
        var expected = new List<decimal>();

        for (int i = 0; i < 20; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            expected.Add(time.GetTimestamp());
        }

        await Wait.UntilAsync("200 load frames", () => c.Messages.Count >= 200);
        IReadOnlyList<TickSize> stamps = c.All<TickSize>(t => t.TickType == 87);
        Assert.Equal(expected, stamps.Select(s => s.Size!.Value));
        // Each batch starts with its stamp: every 10th frame.
        Assert.All(Enumerable.Range(0, 20), k => Assert.Equal(new TickSize(((TickSize)c.Messages[k * 10]).ReqId, 87, expected[k]), c.Messages[k * 10]));
    }

    [Fact]
    public void The_cycle_climbs_by_the_move_percent_and_comes_back()
    {
        var cycle = LoadCycle.Build(5, 99.99, 100.01, 0.01, 500, 1, new LoadOptions { MovePercent = 3, CycleFrames = 4_096 }, 187, t => t);
        var handler = new Collect();
        for (int i = 0; i < cycle.Length; i++)
        {
            ReadOnlySpan<byte> frame = cycle.Frame(i, out _);
            if (!frame.IsEmpty)
            {
                Assert.Equal(frame.Length, Framing.TryReadFrame(frame, out ReadOnlySpan<byte> payload));
                IncomingDecoder.Decode(payload, 187, handler);
            }
        }

        double[] lasts = [.. handler.Prices.Where(p => p.TickType == 4).Select(p => p.Price)];
        Assert.InRange(lasts.Max(), 102.9, 103.1);
        Assert.InRange(lasts[0], 99.9, 100.1);
        Assert.InRange(lasts[^1], 99.9, 100.2);
        Assert.All(handler.Prices, p => Assert.Equal(5, p.ReqId));
    }

    [Fact]
    public async Task Unlimited_rate_streams_as_fast_as_the_client_reads()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Create(time, new LoadOptions { TicksPerSecond = double.PositiveInfinity });
        await using SimClient c = await SubscribeAsync(sim);

        // No fake time passes: the loop only waits for the client's reads.
        await Wait.UntilAsync("50,000 load frames", () => sim.LoadStatistics!.Value.FramesSent >= 50_000);
        await Wait.UntilAsync("the client reading them", () => c.All<TickSize>(t => t.TickType == 8).Count > 1_000);
    }

    [Fact]
    public async Task Snapshots_and_silenced_lines_get_no_load_frames()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Create(time, new LoadOptions { TicksPerSecond = 10_000 });
        await using SimClient c = await SubscribeAsync(sim);
        var msft = new Contract { Symbol = "MSFT", SecType = "STK", Exchange = "SMART", Currency = "USD" };
        await c.SendAsync((w, v) => new ReqMktData(9, msft, "", true).Encode(w, v));
        await c.WaitForAsync<TickPrice>("the snapshot", t => t.ReqId == 9 && t.TickType == 9);
        sim.Faults.SilenceSubscription(2);
        c.Clear();

        for (int i = 0; i < 30; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        await Wait.UntilAsync("300 frames", () => c.Messages.Count >= 300);
        Assert.Equal(150, c.All<TickPrice>(t => t.ReqId == 1).Count + c.All<TickSize>(t => t.ReqId == 1).Count);
        Assert.Empty(c.All<TickPrice>(t => t.ReqId is 2 or 9));
        Assert.Empty(c.All<TickSize>(t => t.ReqId is 2 or 9));
    }

    [Theory]
    [InlineData(0, 3, 2_048)]
    [InlineData(double.NaN, 3, 2_048)]
    [InlineData(1_000, -1, 2_048)]
    [InlineData(1_000, 3, 10)]
    public void Bad_load_options_are_refused_with_a_clear_message(double rate, double move, int cycle)
    {
        var time = Sim.Clock();
        ArgumentException e = Assert.Throws<ArgumentException>(() => Create(time, new LoadOptions { TicksPerSecond = rate, MovePercent = move, CycleFrames = cycle }));
        Assert.Contains("oad", e.Message);
    }

    private sealed class Collect : IIncomingHandler
    {
        public List<TickPrice> Prices { get; } = [];

        public void OnTickPrice(in TickPrice m) => Prices.Add(m);

        public void OnTickSize(in TickSize m)
        {
        }

        public void OnUnknown(int messageId, ReadOnlySpan<byte> payload) => throw new InvalidOperationException($"unexpected message {messageId}");
    }
}
