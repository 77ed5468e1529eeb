using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Gv2Edge.Tws.Connection;

/// <summary>
/// Runs event handlers on one background task, in order, so that the socket reader (or a timer) that raises an
/// event never waits for, or dies with, a handler.
/// </summary>
internal sealed class EventPump : IAsyncDisposable
{
    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _log;
    private readonly Task _task;

    public EventPump(ILogger log)
    {
        _log = log;
        _task = Task.Run(RunAsync);
    }

    public void Post(Action action) => _work.Writer.TryWrite(action);

    public async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        await _task.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (Action action in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                _log.LogError(ex, "An event handler threw; ignored.");
            }
        }
    }
}
