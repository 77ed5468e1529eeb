using System.Threading.Channels;

namespace Gv2Edge.Radar.Events;

/// <summary>
/// Fans events out to several consumers (dashboard, journal, acceleration engine, radar), each through its own
/// bounded channel. Writing never waits: when a consumer's channel is full the event is dropped for that
/// consumer only and counted, so a slow consumer never stalls the engine.
/// </summary>
public sealed class EventHub
{
    private Consumer[] _consumers = [];
    private readonly Lock _lock = new();
    private long _dropped;

    /// <summary>Events dropped over all consumers.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Adds a consumer with its own channel of <paramref name="capacity"/> events.</summary>
    public ChannelReader<RadarEvent> AddConsumer(string name, int capacity)
    {
        var channel = Channel.CreateBounded<RadarEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        lock (_lock)
        {
            _consumers = [.. _consumers, new Consumer(name, channel)];
        }

        return channel.Reader;
    }

    /// <summary>Drops per consumer name.</summary>
    public IReadOnlyDictionary<string, long> DroppedByConsumer() =>
        Volatile.Read(ref _consumers).ToDictionary(c => c.Name, c => Interlocked.Read(ref c.Dropped), StringComparer.Ordinal);

    /// <summary>Offers <paramref name="e"/> to every consumer without waiting.</summary>
    public void Publish(RadarEvent e)
    {
        foreach (Consumer c in Volatile.Read(ref _consumers))
        {
            if (!c.Channel.Writer.TryWrite(e))
            {
                Interlocked.Increment(ref c.Dropped);
                Interlocked.Increment(ref _dropped);
            }
        }
    }

    /// <summary>Completes every channel (end of the stream).</summary>
    public void Complete()
    {
        foreach (Consumer c in Volatile.Read(ref _consumers))
        {
            c.Channel.Writer.TryComplete();
        }
    }

    private sealed class Consumer(string name, Channel<RadarEvent> channel)
    {
        public long Dropped;

        public string Name { get; } = name;

        public Channel<RadarEvent> Channel { get; } = channel;
    }
}
