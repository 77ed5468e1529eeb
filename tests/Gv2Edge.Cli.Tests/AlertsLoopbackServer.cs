using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gv2Edge.Cli.Tests;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 for alert tests: answers every request with <see cref="Status"/>, records what
/// it received, and can stop listening (connections refused) and listen again on the same port.
/// </summary>
public sealed class AlertsLoopbackServer : IAsyncDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _accept;

    public AlertsLoopbackServer() => Listen(0);

    public int Port { get; private set; }

    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");

    /// <summary>Status code of the next answers. Default 200.</summary>
    public int Status { get; set; } = 200;

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Stops listening: new connections are refused.</summary>
    public async Task StopAsync()
    {
        if (_listener is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        _listener.Stop();
        try
        {
            await _accept!;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _listener = null;
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restart() => Listen(Port);

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _stop = new CancellationTokenSource();
        _accept = AcceptLoopAsync(listener, _stop.Token);
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client = await listener.AcceptTcpClientAsync(stop);
            _ = Task.Run(() => ServeAsync(client), CancellationToken.None);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            NetworkStream stream = client.GetStream();
            var buffer = new MemoryStream();
            var chunk = new byte[4096];
            int headerEnd;
            while ((headerEnd = IndexOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), "\r\n\r\n"u8)) < 0)
            {
                int n = await stream.ReadAsync(chunk);
                if (n == 0)
                {
                    return;
                }

                buffer.Write(chunk, 0, n);
            }

            string head = Encoding.ASCII.GetString(buffer.GetBuffer(), 0, headerEnd);
            string[] lines = head.Split("\r\n");
            var headers = lines.Skip(1)
                .Select(l => l.Split(':', 2))
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            int length = headers.TryGetValue("Content-Length", out string? cl) ? int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture) : 0;
            while (buffer.Length < headerEnd + 4 + length)
            {
                int n = await stream.ReadAsync(chunk);
                if (n == 0)
                {
                    return;
                }

                buffer.Write(chunk, 0, n);
            }

            string body = Encoding.UTF8.GetString(buffer.GetBuffer(), headerEnd + 4, length);
            string[] requestLine = lines[0].Split(' ');
            int status = Status;
            Requests.Enqueue(new Received(requestLine[0], requestLine[1], headers, body, status));
            byte[] answer = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {(status < 300 ? "OK" : "Server Error")}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(answer);
        }
    }

    private static int IndexOf(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle);

    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredStatus)
    {
        public string? IdempotencyKey => Headers.TryGetValue("Idempotency-Key", out string? k) ? k : null;
    }
}
