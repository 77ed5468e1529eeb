using System.Diagnostics;
using Gv2Edge.Tws.Pacing;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Tws.Tests.Client;

/// <summary>
/// Drives a fake clock through a paced burst without letting fake time outrun the real threads. Fake time moves only
/// while the client's writer sleeps on its pacer timer and the other end has read everything sent, and then straight
/// to the moment the writer waits for. Stepping blindly instead (advance, and go on when nothing new was sent) races
/// fake time ahead of a writer thread that has not been scheduled yet: on a busy machine minutes or hours of fake
/// time pass in a second, the heartbeat fires twice unanswered and every call fails with a heartbeat timeout.
/// </summary>
internal static class PacedClock
{
    /// <summary>
    /// Steps <paramref name="clock"/> until <paramref name="done"/>. <paramref name="delivered"/> says the other end has
    /// read every message sent so far; <paramref name="settled"/> runs after each step once that holds. Waits at most
    /// <paramref name="maxReal"/> (default 60 s) of real time in all, and 10 s for any one step.
    /// </summary>
    public static async Task RunAsync(FakeTimeProvider clock, PacedWriter writer, Func<bool> delivered, Func<bool> done,
        Action? settled = null, TimeSpan? maxReal = null)
    {
        var real = Stopwatch.StartNew();
        TimeSpan limit = maxReal ?? TimeSpan.FromSeconds(60);
        while (true)
        {
            // Either the burst is over (the replies need no fake time), or the writer is blocked on the clock alone.
            await UntilAsync("the writer sleeps on its pacer with everything sent delivered, or the burst is done",
                () => done() || (delivered() && writer.WaitingUntil > clock.GetTimestamp()));
            settled?.Invoke();
            if (done())
            {
                return;
            }

            Assert.True(real.Elapsed < limit, $"the burst did not drain within {limit.TotalSeconds:0} s of real time");
            long now = clock.GetTimestamp();
            clock.Advance(clock.GetElapsedTime(now, Math.Max(now + 1, writer.WaitingUntil)));
        }
    }

    // Polls every millisecond or so: Wait.UntilAsync's 5 ms would make a 500-message burst take seconds.
    private static async Task UntilAsync(string reason, Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"Timed out after 10 s waiting for: {reason}");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }
}
