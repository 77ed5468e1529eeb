using System.Threading.Channels;

namespace Gv2Edge.Tws.MarketData;

/// <summary>
/// The coalescing updates channel: the reader writes a subscription only if it is not already waiting in the
/// channel, so the channel holds at most one entry per subscription and a slow consumer sees the latest ticker
/// when it catches up. Full (more subscriptions than capacity) means an entry is dropped and counted; the ticker
/// itself is never lost.
/// </summary>
internal sealed class UpdateChannel
{
    private readonly Channel<MarketDataSubscription> _channel;
    private long _dropped;

    public UpdateChannel(int capacity)
    {
        _channel = Channel.CreateBounded<MarketDataSubscription>(new BoundedChannelOptions(capacity)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Reader = new CoalescingReader(_channel.Reader);
    }

    public ChannelReader<MarketDataSubscription> Reader { get; }

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Called on the socket reader; never waits.</summary>
    public void Notify(MarketDataSubscription subscription)
    {
        if (!subscription.TryMarkQueued())
        {
            return;
        }

        if (!_channel.Writer.TryWrite(subscription))
        {
            subscription.ClearQueued();
            Interlocked.Increment(ref _dropped);
        }
    }

    public void Complete() => _channel.Writer.TryComplete();

    private sealed class CoalescingReader(ChannelReader<MarketDataSubscription> inner) : ChannelReader<MarketDataSubscription>
    {
        public override Task Completion => inner.Completion;

        public override bool TryRead(out MarketDataSubscription item)
        {
            if (inner.TryRead(out item!))
            {
                item.ClearQueued();
                return true;
            }

            return false;
        }

        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
            => inner.WaitToReadAsync(cancellationToken);
    }
}
