using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace Gv2Edge.Tws.Transport;

/// <summary>The default transport: a TCP socket read and written through System.IO.Pipelines.</summary>
public static class TcpTransport
{
    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> (Nagle off: requests are small and paced).</summary>
    public static ValueTask<ITwsConnection> ConnectAsync(string host, int port, CancellationToken cancellationToken)
        => ConnectAsync(host, port, readerThread: false, cancellationToken);

    /// <summary>
    /// As <see cref="ConnectAsync(string, int, CancellationToken)"/>, but the bytes are received on a dedicated thread
    /// that also runs the client's read loop (see <see cref="TwsClientOptions.ReaderThread"/>).
    /// </summary>
    public static ValueTask<ITwsConnection> ConnectWithReaderThreadAsync(string host, int port, CancellationToken cancellationToken)
        => ConnectAsync(host, port, readerThread: true, cancellationToken);

    private static async ValueTask<ITwsConnection> ConnectAsync(string host, int port, bool readerThread, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (IPAddress.TryParse(host, out IPAddress? ip))
            {
                await socket.ConnectAsync(new IPEndPoint(ip, port), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return readerThread ? new ReaderThreadConnection(socket) : new SocketConnection(socket);
    }

    private sealed class SocketConnection : ITwsConnection
    {
        private readonly Socket _socket;
        private readonly NetworkStream _stream;

        public SocketConnection(Socket socket)
        {
            _socket = socket;
            _stream = new NetworkStream(socket, ownsSocket: true);
            Input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
            Output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        }

        public PipeReader Input { get; }

        public PipeWriter Output { get; }

        public async ValueTask DisposeAsync()
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already gone.
            }
            catch (ObjectDisposedException)
            {
                // Already gone.
            }

            await Input.CompleteAsync().ConfigureAwait(false);
            await Output.CompleteAsync().ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
