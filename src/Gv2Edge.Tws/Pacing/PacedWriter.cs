using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;

namespace Gv2Edge.Tws.Pacing;

/// <summary>
/// The only path to the socket: callers enqueue whole frames (copied into pooled buffers), one loop sends them
/// one at a time, spaced by a <see cref="MessagePacer"/>. A priority lane (heartbeats, cancels, the market-data
/// type) overtakes queued requests but is paced like everything else. Frames queued for a session that has
/// ended are dropped when the next session begins (their requests already failed).
/// </summary>
public sealed class PacedWriter : IDisposable
{
    private readonly ConcurrentQueue<Frame> _priority = new();
    private readonly ConcurrentQueue<Frame> _normal = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly MessagePacer _pacer;
    private readonly TimeProvider _time;
    private long _generation;
    private long _sent;
    private long _bytesSent;
    private long _waitingUntil;

    /// <param name="messagesPerSecond">Spacing rate, 1–49. Default 45.</param>
    /// <param name="time">Clock. Default system.</param>
    public PacedWriter(int messagesPerSecond = MessagePacer.DefaultMessagesPerSecond, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _pacer = new MessagePacer(messagesPerSecond, _time.TimestampFrequency);
    }

    /// <summary>Messages sent since creation.</summary>
    public long MessagesSent => Interlocked.Read(ref _sent);

    /// <summary>Bytes sent since creation (frames only).</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Frames waiting to be sent.</summary>
    public int Queued => _priority.Count + _normal.Count;

    /// <summary>The pacing interval.</summary>
    public TimeSpan Interval => _pacer.Interval;

    /// <summary>Raised on the writer loop right after each frame is written, with its send timestamp.</summary>
    internal event Action<long>? Sent;

    /// <summary>
    /// For tests: the timestamp the loop is sleeping until (0 when not pacing). Set only after the timer is armed:
    /// while it is later than now, the loop is blocked on the clock alone.
    /// </summary>
    internal long WaitingUntil => Interlocked.Read(ref _waitingUntil);

    /// <summary>Drops everything queued and starts a new session: frames enqueued from now on belong to it.</summary>
    public void BeginSession()
    {
        Interlocked.Increment(ref _generation);
        while (_priority.TryDequeue(out Frame f) || _normal.TryDequeue(out f))
        {
            f.Return();
        }
    }

    /// <summary>
    /// Queues one or more complete frames (sent together as one paced unit only if they are one frame; pass
    /// frames one by one to have each paced). <paramref name="onSent"/> runs on the writer loop with the send
    /// timestamp (used by the heartbeat to measure round trips from the real send).
    /// </summary>
    public void Enqueue(ReadOnlySpan<byte> frame, bool priority = false, Action<long>? onSent = null)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(frame.Length);
        frame.CopyTo(buffer);
        var item = new Frame(buffer, frame.Length, Interlocked.Read(ref _generation), onSent);
        (priority ? _priority : _normal).Enqueue(item);
        _available.Release();
    }

    /// <summary>
    /// Sends queued frames to <paramref name="output"/> until <paramref name="cancellationToken"/> fires or the
    /// output fails (the exception propagates: the caller treats it as a lost connection).
    /// </summary>
    public async Task RunAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                TimeSpan delay = _pacer.DelayBeforeNext(_time.GetTimestamp());
                while (delay > TimeSpan.Zero)
                {
                    // Timers have millisecond granularity (and some truncate): round up so one wait is enough.
                    delay = TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds));
                    long from = _time.GetTimestamp();
                    Task sleep = Task.Delay(delay, _time, cancellationToken);

                    // Published once the timer is armed, so a test that sees it can move fake time and wake this loop.
                    Interlocked.Exchange(ref _waitingUntil, from + (long)(delay.TotalSeconds * _time.TimestampFrequency));
                    await sleep.ConfigureAwait(false);
                    delay = _pacer.DelayBeforeNext(_time.GetTimestamp());
                }
            }
            catch (OperationCanceledException)
            {
                // The frame we were pacing for is still queued: give its count back for the next session's loop.
                _available.Release();
                throw;
            }

            Interlocked.Exchange(ref _waitingUntil, 0);
            if (!_priority.TryDequeue(out Frame frame) && !_normal.TryDequeue(out frame))
            {
                continue; // BeginSession drained it.
            }

            try
            {
                if (frame.Generation != Interlocked.Read(ref _generation))
                {
                    continue;
                }

                FlushResult result = await output.WriteAsync(frame.Buffer.AsMemory(0, frame.Length), cancellationToken).ConfigureAwait(false);
                long now = _time.GetTimestamp();
                _pacer.MarkSent(now);
                Interlocked.Increment(ref _sent);
                Interlocked.Add(ref _bytesSent, frame.Length);
                frame.OnSent?.Invoke(now);
                Sent?.Invoke(now);
                if (result.IsCompleted)
                {
                    throw new IOException("The connection's output was closed.");
                }
            }
            finally
            {
                frame.Return();
            }
        }
    }

    public void Dispose()
    {
        BeginSession();
        _available.Dispose();
    }

    private readonly record struct Frame(byte[] Buffer, int Length, long Generation, Action<long>? OnSent)
    {
        public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
    }
}
