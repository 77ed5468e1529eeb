namespace Gv2Edge.Tws.MarketData;

/// <summary>
/// Turns cheap <see cref="TimeProvider.GetTimestamp"/> values (taken once per socket read on the hot path) back
/// into wall-clock times when someone asks.
/// </summary>
internal sealed class ClockAnchor(TimeProvider time)
{
    private readonly DateTimeOffset _utc = time.GetUtcNow();
    private readonly long _timestamp = time.GetTimestamp();

    public TimeProvider Time { get; } = time;

    public DateTimeOffset ToUtc(long timestamp) => _utc + Time.GetElapsedTime(_timestamp, timestamp);
}
