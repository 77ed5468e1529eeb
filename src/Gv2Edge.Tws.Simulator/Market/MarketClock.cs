namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>
/// The simulated market's clock: a <see cref="TimeProvider"/> that starts at a chosen exchange (New York) time and
/// runs <see cref="Speed"/> times faster than the inner clock that drives it. The app shares this clock when it runs
/// the simulator in-process so sessions and windows agree with the simulated market. Timers created on it fire
/// after the inner clock has advanced <c>dueTime / Speed</c>.
/// </summary>
public sealed class MarketClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _anchor;
    private readonly DateTimeOffset _startUtc;

    /// <param name="startEt">Exchange-local (America/New_York) start time; its Kind is ignored.</param>
    /// <param name="speed">Market seconds per inner second (default 1; must be positive).</param>
    /// <param name="inner">The driving clock (default <see cref="TimeProvider.System"/>).</param>
    public MarketClock(DateTime startEt, double speed = 1, TimeProvider? inner = null)
    {
        if (!(speed > 0) || double.IsInfinity(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed factor must be a positive number.");
        }

        _inner = inner ?? System;
        Speed = speed;
        _anchor = _inner.GetUtcNow();
        _startUtc = ExchangeClock.ToUtc(startEt);
        StartEt = DateTime.SpecifyKind(startEt, DateTimeKind.Unspecified);
    }

    /// <summary>Market seconds per second of the inner clock.</summary>
    public double Speed { get; }

    /// <summary>The exchange-local start time.</summary>
    public DateTime StartEt { get; }

    /// <summary>The clock that drives this one.</summary>
    public TimeProvider Inner => _inner;

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => ExchangeClock.Zone;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Now, in exchange-local time (America/New_York).</summary>
    public DateTime NowEt => ExchangeClock.ToEt(GetUtcNow());

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        TimeSpan elapsed = _inner.GetUtcNow() - _anchor;
        long ticks = Speed == 1 ? elapsed.Ticks : (long)(elapsed.Ticks * Speed);
        return _startUtc.AddTicks(ticks);
    }

    /// <inheritdoc/>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => _inner.CreateTimer(callback, state, ToInner(dueTime), ToInner(period));

    /// <summary>Converts a span of market time into the inner clock's time.</summary>
    public TimeSpan ToInner(TimeSpan marketSpan)
    {
        if (marketSpan == Timeout.InfiniteTimeSpan || Speed == 1)
        {
            return marketSpan;
        }

        return TimeSpan.FromTicks(Math.Max(marketSpan == TimeSpan.Zero ? 0 : 1, (long)(marketSpan.Ticks / Speed)));
    }
}
