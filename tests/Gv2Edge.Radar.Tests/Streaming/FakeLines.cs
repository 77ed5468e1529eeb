using Gv2Edge.Radar.Streaming;

namespace Gv2Edge.Radar.Tests.Streaming;

/// <summary>A line provider that counts lines like the gateway would and can refuse symbols.</summary>
internal sealed class FakeLines(int budget = 100) : IMarketDataLines
{
    private readonly HashSet<string> _open = [];
    private readonly Lock _lock = new();

    public int LineBudget { get; set; } = budget;

    public HashSet<string> Refuse { get; } = [];

    /// <summary>What a resubscription of a silent line gives. Default <see cref="LineOutcome.Subscribed"/>.</summary>
    public LineOutcome ResubscribeOutcome { get; set; } = LineOutcome.Subscribed;

    public int MaxOpen { get; private set; }

    public int SubscribeCalls { get; private set; }

    public List<string> Log { get; } = [];

    public IReadOnlyCollection<string> Open
    {
        get
        {
            lock (_lock)
            {
                return [.. _open];
            }
        }
    }

    /// <summary>Symbols whose next requests fail for a passing reason (no line free, connection down).</summary>
    public HashSet<string> Unavailable { get; } = [];

    public ValueTask<LineOutcome> SubscribeAsync(string symbol, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            SubscribeCalls++;
            Log.Add("+" + symbol);
            if (Refuse.Contains(symbol))
            {
                return ValueTask.FromResult(LineOutcome.Refused);
            }

            if (Unavailable.Contains(symbol))
            {
                return ValueTask.FromResult(LineOutcome.Unavailable);
            }

            _open.Add(symbol);
            MaxOpen = Math.Max(MaxOpen, _open.Count);
            return ValueTask.FromResult(LineOutcome.Subscribed);
        }
    }

    public ValueTask UnsubscribeAsync(string symbol, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Log.Add("-" + symbol);
            _open.Remove(symbol);
            return ValueTask.CompletedTask;
        }
    }

    public ValueTask<LineOutcome> ResubscribeAsync(string symbol, CancellationToken cancellationToken) => ValueTask.FromResult(ResubscribeOutcome);

    /// <summary>After a reconnect the gateway holds no lines.</summary>
    public void DropAll()
    {
        lock (_lock)
        {
            _open.Clear();
        }
    }
}

/// <summary>Driving a <see cref="SubscriptionManager"/> in tests.</summary>
internal static class SubscriptionManagerDriver
{
    /// <summary>Sends batches until nothing is left to send.</summary>
    public static async Task SendAllAsync(this SubscriptionManager m)
    {
        while (await m.SendBatchAsync() > 0)
        {
        }
    }

    /// <summary>Requests each symbol at NORMAL priority and sends them all.</summary>
    public static async Task HoldAsync(this SubscriptionManager m, params string[] symbols)
    {
        foreach (string s in symbols)
        {
            m.Request(s, HotPriority.Normal);
        }

        await m.SendAllAsync();
    }
}
