using Gv2Edge.Tws;
using Gv2Edge.Tws.Connection;
using Gv2Edge.Tws.Errors;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>
/// Tells the user, on stderr and in plain words, when the connection changes state and when the gateway reports
/// something that is not routine (errors and warnings, not the farm "OK" notices).
/// </summary>
public sealed class ConnectionReporter : IDisposable
{
    private readonly TwsClient _client;
    private readonly TextWriter _err;
    private readonly Lock _gate = new();

    public ConnectionReporter(TwsClient client, TextWriter err)
    {
        _client = client;
        _err = err;
        client.StateChanged += OnState;
        client.Notice += OnNotice;
    }

    /// <summary>Connection changes seen (for the journal and the dashboard).</summary>
    public List<ConnectionStateChange> Changes { get; } = [];

    private void OnState(object? sender, ConnectionStateChange e)
    {
        lock (_gate)
        {
            Changes.Add(e);
            _err.WriteLine($"edge: connection {e.Previous} -> {e.Current}: {e.Reason}");
        }
    }

    private void OnNotice(object? sender, TwsNotice n)
    {
        if (n.Info.Severity == TwsErrorSeverity.Info)
        {
            return;
        }

        lock (_gate)
        {
            string target = n.RequestId >= 0 ? $" (request {n.RequestId})" : string.Empty;
            _err.WriteLine($"edge: IB {n.Info.Severity.ToString().ToLowerInvariant()} {n.Code}{target}: {n.Message}{(n.Info.Hint.Length > 0 ? " — " + n.Info.Hint : string.Empty)}");
        }
    }

    public void Dispose()
    {
        _client.StateChanged -= OnState;
        _client.Notice -= OnNotice;
    }
}
