using System.Net.Sockets;

namespace Gv2Edge.Cli.Check;

/// <summary>Which of IB's usual API ports accept a TCP connection on a host (for "connection refused").</summary>
public static class PortProbe
{
    /// <summary>IB's defaults: TWS live 7496, TWS paper 7497, Gateway live 4001, Gateway paper 4002.</summary>
    public static readonly IReadOnlyList<(int Port, string What)> KnownPorts =
    [
        (7496, "TWS live"), (7497, "TWS paper"), (4001, "IB Gateway live"), (4002, "IB Gateway paper"),
    ];

    /// <summary>Tries each port once with a short timeout; returns those that accepted.</summary>
    public static async Task<IReadOnlyList<int>> OpenPortsAsync(string host, IEnumerable<int> ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var tasks = ports.Distinct().Select(async port => (port, open: await IsOpenAsync(host, port, timeout, cancellationToken).ConfigureAwait(false))).ToList();
        (int port, bool open)[] results = await Task.WhenAll(tasks).ConfigureAwait(false);
        return results.Where(r => r.open).Select(r => r.port).ToList();
    }

    /// <summary>True when a TCP connection to host:port succeeds within the timeout (then closed at once).</summary>
    public static async Task<bool> IsOpenAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>"4002 (IB Gateway paper)".</summary>
    public static string Describe(int port)
        => KnownPorts.FirstOrDefault(k => k.Port == port) is { What: { } w } ? $"{port} ({w})" : port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
