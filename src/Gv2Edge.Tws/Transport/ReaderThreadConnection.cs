using System.IO.Pipelines;
using System.Net.Sockets;

namespace Gv2Edge.Tws.Transport;

/// <summary>
/// A TCP connection whose bytes are received by a dedicated thread blocked in <see cref="Socket.Receive(Span{byte})"/>,
/// which then runs the client's read loop itself (the input pipe resumes its reader inline). Arriving data wakes one
/// thread instead of two (the runtime's socket event thread, then a thread-pool worker), which is what a tick's
/// latency is mostly made of. Costs one thread per connection, as IB's own clients do.
/// </summary>
internal sealed class ReaderThreadConnection : ITwsConnection
{
    private const int ReceiveSize = 16 * 1024;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly Pipe _input = new(new PipeOptions(
        readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.Inline,
        pauseWriterThreshold: 4 * 1024 * 1024,
        resumeWriterThreshold: 2 * 1024 * 1024,
        minimumSegmentSize: ReceiveSize,
        useSynchronizationContext: false));

    public ReaderThreadConnection(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        var thread = new Thread(Receive) { IsBackground = true, Name = "TWS socket reader" };
        thread.Start();
    }

    public PipeReader Input => _input.Reader;

    public PipeWriter Output { get; }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Wakes the receive thread (Receive returns 0), which then completes the input.
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        await Input.CompleteAsync().ConfigureAwait(false);
        await Output.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private void Receive()
    {
        PipeWriter writer = _input.Writer;
        Exception? error = null;
        try
        {
            while (true)
            {
                int read = _socket.Receive(writer.GetSpan(ReceiveSize));
                if (read == 0)
                {
                    break;
                }

                writer.Advance(read);
                ValueTask<FlushResult> flush = writer.FlushAsync();

                // Blocking is fine here: this thread is ours, and it only waits when the reader is 4 MB behind.
                FlushResult result = flush.IsCompletedSuccessfully ? flush.Result : flush.AsTask().GetAwaiter().GetResult();
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // A reset or a close from our side; the reader sees it as a lost connection.
            error = new IOException($"The connection failed: {e.Message}", e);
        }

        writer.Complete(error);
    }
}
