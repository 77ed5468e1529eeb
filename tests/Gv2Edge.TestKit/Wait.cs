using System.Diagnostics;

namespace Gv2Edge.TestKit;

/// <summary>Waiting in async tests without sleeping: poll a condition until it holds or a timeout passes.</summary>
public static class Wait
{
    /// <summary>Default upper bound for any wait in a test.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Waits until <paramref name="condition"/> is true; fails the test with <paramref name="reason"/> on timeout.</summary>
    public static async Task UntilAsync(string reason, Func<bool> condition, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for: {reason}");
            }

            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    /// <summary>Awaits a task with a timeout; fails the test with <paramref name="reason"/> on timeout.</summary>
    public static async Task<T> ForAsync<T>(string reason, Task<T> task, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? DefaultTimeout;
        try
        {
            return await task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for: {reason}");
        }
    }
}
