using System.Buffers;
using System.IO.Pipelines;
using Gv2Edge.TestKit;
using Gv2Edge.Tws.Pacing;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Tws.Tests.Unit;

public class PacedWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_burst_of_200_frames_leaves_evenly_spaced_and_in_order()
    {
        var clock = new FakeTimeProvider(Start);
        using var writer = new PacedWriter(45, clock);
        var sent = new List<long>();
        writer.Sent += t => { lock (sent) { sent.Add(t); } };
        var pipe = new Pipe();
        using var cts = new CancellationTokenSource();
        Task loop = writer.RunAsync(pipe.Writer, cts.Token);

        for (int i = 0; i < 200; i++)
        {
            writer.Enqueue([(byte)i]);
        }

        await DriveUntilAsync(clock, writer, () => { lock (sent) { return sent.Count == 200; } });

        Assert.True(PacingAssert.MinGap(sent) >= writer.Interval);
        Assert.True(PacingAssert.MaxInAnySecond(sent) <= 46);
        ReadResult read = await pipe.Reader.ReadAsync();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (byte)i), read.Buffer.ToArray());
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
    }

    [Fact]
    public async Task Priority_frames_overtake_queued_requests()
    {
        var clock = new FakeTimeProvider(Start);
        using var writer = new PacedWriter(45, clock);
        int count = 0;
        writer.Sent += _ => Interlocked.Increment(ref count);
        var pipe = new Pipe();
        using var cts = new CancellationTokenSource();
        _ = writer.RunAsync(pipe.Writer, cts.Token);

        for (int i = 0; i < 10; i++)
        {
            writer.Enqueue([1]);
        }

        writer.Enqueue([9], priority: true);
        await DriveUntilAsync(clock, writer, () => Volatile.Read(ref count) == 11);
        ReadResult read = await pipe.Reader.ReadAsync();
        byte[] bytes = read.Buffer.ToArray();

        // The first frame may already have left; the priority frame is at most second.
        Assert.True(Array.IndexOf(bytes, (byte)9) <= 1);
        await cts.CancelAsync();
    }

    [Fact]
    public async Task Frames_of_an_ended_session_are_dropped()
    {
        var clock = new FakeTimeProvider(Start);
        using var writer = new PacedWriter(45, clock);
        writer.Enqueue([1]);
        writer.Enqueue([2]);
        writer.BeginSession();
        writer.Enqueue([3]);
        Assert.Equal(1, writer.Queued);

        var pipe = new Pipe();
        using var cts = new CancellationTokenSource();
        _ = writer.RunAsync(pipe.Writer, cts.Token);
        await DriveUntilAsync(clock, writer, () => writer.MessagesSent == 1);
        ReadResult read = await pipe.Reader.ReadAsync();
        Assert.Equal([3], read.Buffer.ToArray());
        await cts.CancelAsync();
    }

    [Fact]
    public async Task A_cancelled_loop_leaves_its_frame_for_the_next_loop()
    {
        var clock = new FakeTimeProvider(Start);
        using var writer = new PacedWriter(45, clock);
        var first = new Pipe();
        using (var cts = new CancellationTokenSource())
        {
            Task loop = writer.RunAsync(first.Writer, cts.Token);
            writer.Enqueue([1]);
            await Wait.UntilAsync("first frame sent", () => writer.MessagesSent == 1);
            writer.Enqueue([2]); // paced: the loop now sleeps 22 ms
            await Wait.UntilAsync("loop pacing", () => writer.WaitingUntil != 0);
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
        }

        var second = new Pipe();
        using var cts2 = new CancellationTokenSource();
        _ = writer.RunAsync(second.Writer, cts2.Token);
        await DriveUntilAsync(clock, writer, () => writer.MessagesSent == 2);
        ReadResult read = await second.Reader.ReadAsync();
        Assert.Equal([2], read.Buffer.ToArray());
        await cts2.CancelAsync();
    }

    /// <summary>Advances the fake clock in 1 ms steps, each time letting the writer settle, until done.</summary>
    internal static async Task DriveUntilAsync(FakeTimeProvider clock, PacedWriter writer, Func<bool> done)
    {
        for (int step = 0; step < 100_000 && !done(); step++)
        {
            await Wait.UntilAsync("writer settles", () => done() || writer.Queued == 0 || writer.WaitingUntil > clock.GetTimestamp());
            if (!done())
            {
                clock.Advance(TimeSpan.FromMilliseconds(1));
            }
        }

        Assert.True(done());
    }
}
