namespace Gv2Edge.Tws.Pacing;

/// <summary>
/// Spaces outgoing messages evenly: each one leaves at least <see cref="Interval"/> after the previous one
/// actually left (default 1/45 s ≈ 22.2 ms). Because the gap is measured from the real send, a stalled writer
/// never catches up in a burst, so no sliding 1-second window can carry more than
/// ⌊1 s / interval⌋ + 1 ≤ 50 messages. Pure arithmetic on <see cref="TimeProvider"/> timestamps; not thread-safe
/// (the single writer owns it).
/// </summary>
public sealed class MessagePacer
{
    /// <summary>IB's hard limit: messages per second from all clients of one gateway.</summary>
    public const int GatewayLimitPerSecond = 50;

    /// <summary>Our default rate (ib_async uses the same figure).</summary>
    public const int DefaultMessagesPerSecond = 45;

    private readonly long _intervalTicks;
    private readonly long _frequency;
    private long _lastSent;
    private bool _any;

    /// <param name="messagesPerSecond">Rate, 1–49 (49 still keeps every window at 50 or fewer). Default 45.</param>
    /// <param name="timestampFrequency">Ticks per second of the timestamps passed in (<see cref="TimeProvider.TimestampFrequency"/>).</param>
    public MessagePacer(int messagesPerSecond = DefaultMessagesPerSecond, long timestampFrequency = TimeSpan.TicksPerSecond)
    {
        if (messagesPerSecond is < 1 or >= GatewayLimitPerSecond)
        {
            throw new ArgumentOutOfRangeException(nameof(messagesPerSecond), messagesPerSecond,
                $"MessagesPerSecond must be between 1 and {GatewayLimitPerSecond - 1}: the gateway disconnects clients above {GatewayLimitPerSecond}/s.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(timestampFrequency, 1);
        _frequency = timestampFrequency;

        // Round up so the spacing is never shorter than the rate allows.
        _intervalTicks = (timestampFrequency + messagesPerSecond - 1) / messagesPerSecond;
        MessagesPerSecond = messagesPerSecond;
    }

    /// <summary>The configured rate.</summary>
    public int MessagesPerSecond { get; }

    /// <summary>The minimum gap between two messages.</summary>
    public TimeSpan Interval => TimeSpan.FromSeconds((double)_intervalTicks / _frequency);

    /// <summary>How long to wait, from <paramref name="now"/>, before the next message may leave (zero when it may leave now).</summary>
    public TimeSpan DelayBeforeNext(long now)
    {
        if (!_any)
        {
            return TimeSpan.Zero;
        }

        long due = _lastSent + _intervalTicks;
        if (due <= now)
        {
            return TimeSpan.Zero;
        }

        // Round up: waking a hair early would only mean waiting again.
        Int128 ticks = ((Int128)(due - now) * TimeSpan.TicksPerSecond + _frequency - 1) / _frequency;
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>True when a message may leave at <paramref name="now"/>.</summary>
    public bool CanSend(long now) => !_any || now - _lastSent >= _intervalTicks;

    /// <summary>Records that a message left at <paramref name="now"/>.</summary>
    public void MarkSent(long now)
    {
        _lastSent = now;
        _any = true;
    }
}
