using Gv2Edge.Tws.Errors;

namespace Gv2Edge.Tws.Requests;

/// <summary>A request waiting for its answer, keyed by request id in the dispatcher.</summary>
internal abstract class PendingRequest(int requestId)
{
    public int RequestId { get; } = requestId;

    /// <summary>Fails the request (IB error, disconnect, dispose); false if it had already finished.</summary>
    public abstract bool Fail(Exception error);

    /// <summary>Cancels the request; false if it had already finished.</summary>
    public abstract bool Cancel(CancellationToken token);

    /// <summary>Runs after the request finished, whatever the outcome (frees leases and lines).</summary>
    public Action? Cleanup { get; set; }
}

/// <summary>A request that completes with one value of <typeparamref name="T"/>.</summary>
internal class PendingRequest<T>(int requestId) : PendingRequest(requestId)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _done;

    public Task<T> Task => _completion.Task;

    public bool Complete(T value) => Finish() && _completion.TrySetResult(value);

    public override bool Fail(Exception error) => Finish() && _completion.TrySetException(error);

    public override bool Cancel(CancellationToken token) => Finish() && _completion.TrySetCanceled(token);

    private bool Finish()
    {
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            return false;
        }

        Cleanup?.Invoke();
        return true;
    }
}

/// <summary>A request answered by several messages then an end marker.</summary>
internal sealed class PendingListRequest<TItem>(int requestId) : PendingRequest<IReadOnlyList<TItem>>(requestId)
{
    private readonly List<TItem> _items = [];

    public void Add(TItem item)
    {
        lock (_items)
        {
            _items.Add(item);
        }
    }

    public bool CompleteList()
    {
        lock (_items)
        {
            return Complete(_items.ToArray());
        }
    }
}

/// <summary>Builds the exception for an IB error on a request.</summary>
internal static class RequestErrors
{
    public static TwsException Disconnected(int requestId, string why)
        => new(TwsErrorCodes.ConnectionLost, $"Connection lost ({why}).", requestId);
}
