using Gv2Edge.Tws;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>
/// <c>--clock gateway</c>: the engines follow the gateway's clock instead of this machine's, so a simulator started on
/// another day or hour (<c>edge sim --start</c>) is seen in its own session. Speed 1 only: the offset is measured once.
/// </summary>
public static class GatewayClock
{
    /// <summary>
    /// A clock at <paramref name="local"/> plus the gateway's offset (one currentTime round trip); <paramref name="local"/>
    /// itself when they agree within 2 s (the gateway's clock has whole seconds).
    /// </summary>
    public static async Task<TimeProvider> FollowAsync(TwsClient client, TimeProvider local, CancellationToken cancellationToken)
    {
        DateTimeOffset gateway = await client.GetCurrentTimeAsync(cancellationToken).ConfigureAwait(false);
        TimeSpan offset = gateway - local.GetUtcNow();
        return offset.Duration() < TimeSpan.FromSeconds(2) ? local : new OffsetClock(local, offset);
    }

    /// <summary>Another clock shifted by a fixed offset; timers and timestamps are the inner clock's.</summary>
    public sealed class OffsetClock(TimeProvider inner, TimeSpan offset) : TimeProvider
    {
        /// <summary>The shift.</summary>
        public TimeSpan Offset => offset;

        /// <inheritdoc />
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

        /// <inheritdoc />
        public override long GetTimestamp() => inner.GetTimestamp();

        /// <inheritdoc />
        public override long TimestampFrequency => inner.TimestampFrequency;

        /// <inheritdoc />
        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        /// <inheritdoc />
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}
