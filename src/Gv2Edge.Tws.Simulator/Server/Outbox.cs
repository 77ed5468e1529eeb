using System.IO.Pipelines;
using Gv2Edge.Tws.Protocol;

namespace Gv2Edge.Tws.Simulator.Server;

/// <summary>
/// The single writer of one connection. Producers (request handlers, the market-data pump, faults) encode whole
/// frames into the filling buffer under a lock; one send loop swaps buffers and writes them to the transport.
/// Two reused buffers: nothing is allocated per message in steady state.
/// </summary>
internal sealed class Outbox
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _signal = new(0, 1);
    private MessageWriter _filling = new(16 * 1024);
    private MessageWriter _sending = new(16 * 1024);
    private int _signalled;
    private long _framesQueued;
    private int _queuedBytes;

    /// <summary>Frames queued so far (for stats and tests).</summary>
    public long FramesQueued => Interlocked.Read(ref _framesQueued);

    /// <summary>Bytes queued and not yet handed to the transport (racy read; for back-pressure).</summary>
    public int QueuedBytes => Volatile.Read(ref _queuedBytes);

    /// <summary>Called after each write to the transport (load mode waits on it).</summary>
    public Action? Sent { get; set; }

    /// <summary>Opens the buffer for writing; dispose the scope to release it and wake the send loop.</summary>
    public Scope Open()
    {
        _gate.Enter();
        return new Scope(this);
    }

    /// <summary>
    /// Waits for queued bytes and writes them. When <paramref name="cancellationToken"/> fires it still writes what
    /// was queued (an error 100 or 326 must reach the client before the socket closes), then returns.
    /// </summary>
    public async Task RunAsync(PipeWriter output, Func<CancellationToken, ValueTask> beforeSend, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Exchange(ref _signalled, 0);
                await beforeSend(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await SendFilledAsync(output).ConfigureAwait(false);
        }

        await SendFilledAsync(output).ConfigureAwait(false);
    }

    private async Task SendFilledAsync(PipeWriter output)
    {
        lock (_gate)
        {
            (_filling, _sending) = (_sending, _filling);
        }

        if (_sending.Length == 0)
        {
            return;
        }

        // Not cancellable on purpose: a frame is either sent whole or the transport is gone.
        await output.WriteAsync(_sending.WrittenMemory).ConfigureAwait(false);
        Interlocked.Add(ref _queuedBytes, -_sending.Length);
        _sending.Reset();
        Sent?.Invoke();
    }

    private void Close(int lengthBefore)
    {
        int added = _filling.Length - lengthBefore;
        bool wrote = added > 0;
        if (wrote)
        {
            Interlocked.Add(ref _queuedBytes, added);
        }

        _gate.Exit();
        if (wrote && Interlocked.Exchange(ref _signalled, 1) == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>An open write: use <see cref="Writer"/>, then dispose.</summary>
    public readonly ref struct Scope
    {
        private readonly Outbox _owner;
        private readonly int _lengthBefore;

        internal Scope(Outbox owner)
        {
            _owner = owner;
            _lengthBefore = owner._filling.Length;
        }

        public MessageWriter Writer => _owner._filling;

        /// <summary>Counts one frame written through this scope (stats only).</summary>
        public void Count(int frames = 1) => Interlocked.Add(ref _owner._framesQueued, frames);

        public void Dispose() => _owner.Close(_lengthBefore);
    }
}
