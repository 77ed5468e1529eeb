using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.TestKit;

/// <summary>
/// Drives a <see cref="FakeTimeProvider"/> for tests whose code runs on real threads (socket readers, writers):
/// advance fake time in small steps, letting those threads run in between, until a condition holds.
/// </summary>
public static class FakeClockPump
{
    /// <summary>
    /// Advances <paramref name="clock"/> by <paramref name="step"/> until <paramref name="condition"/> holds; fails when
    /// <paramref name="maxFake"/> of fake time or <paramref name="maxReal"/> of real time pass without it.
    /// </summary>
    public static async Task UntilAsync(FakeTimeProvider clock, string reason, Func<bool> condition, TimeSpan maxFake, TimeSpan step, TimeSpan maxReal)
    {
        DateTimeOffset end = clock.GetUtcNow() + maxFake;
        var real = Stopwatch.StartNew();
        while (!condition())
        {
            if (real.Elapsed > maxReal)
            {
                throw new TimeoutException($"Timed out (real time) waiting for: {reason}");
            }

            // Give the reader/writer a moment on real threads, then move time.
            await Task.Delay(1).ConfigureAwait(false);
            if (condition())
            {
                break;
            }

            if (clock.GetUtcNow() >= end)
            {
                throw new TimeoutException($"Fake time ran {maxFake.TotalSeconds:0.###} s without: {reason}");
            }

            clock.Advance(step);
        }
    }
}
