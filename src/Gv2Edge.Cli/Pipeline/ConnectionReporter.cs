using Gv2Edge.Cli.Check;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Connection;
using Gv2Edge.Tws.Errors;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>
/// Tells the user, on stderr and in plain words, when the connection changes state and when the gateway reports
/// something that is not routine (errors and warnings, not the farm "OK" notices); and journals every state change,
/// reconnect and farm notice (the OK ones too: they date the end of an outage) when given a journal.
/// </summary>
public sealed class ConnectionReporter : IDisposable
{
    private readonly TwsClient _client;
    private readonly TextWriter _err;
    private readonly EdgeJournal? _journal;
    private readonly TimeProvider _clock;
    private bool _connectedBefore;
    private readonly Lock _gate = new();
    private readonly List<Task> _writes = [];
    private readonly List<ConnectionStateChange> _changes = [];

    /// <summary>Starts listening to <paramref name="client"/>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="err">Where the plain-words lines go (stderr).</param>
    /// <param name="journal">Where connection changes are journaled; null: not journaled.</param>
    /// <param name="clock">Stamps the notices (state changes carry the client's own time). Default: the client's clock.</param>
    public ConnectionReporter(TwsClient client, TextWriter err, EdgeJournal? journal = null, TimeProvider? clock = null)
    {
        _client = client;
        _clock = clock ?? client.Options.TimeProvider;
        _err = err;
        _journal = journal;
        client.StateChanged += OnState;
        client.Notice += OnNotice;
    }

    /// <summary>Connection changes seen so far (a copy).</summary>
    public IReadOnlyList<ConnectionStateChange> Changes
    {
        get
        {
            lock (_gate)
            {
                return [.. _changes];
            }
        }
    }

    /// <summary>The latest state change, or null before the first.</summary>
    public ConnectionStateChange? Latest
    {
        get
        {
            lock (_gate)
            {
                return _changes.Count == 0 ? null : _changes[^1];
            }
        }
    }

    /// <summary>Waits until every journal write queued so far has committed (journal failures are reported on stderr).</summary>
    public Task FlushAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_writes);
        }
    }

    private void OnState(object? sender, ConnectionStateChange e)
    {
        lock (_gate)
        {
            _changes.Add(e);
            _err.WriteLine($"edge: connection {e.Previous} -> {e.Current}: {e.Reason}");
            // Reconnecting -> Connected is a reconnect only once a connection existed (a late first connect is not one).
            bool reconnect = e.Current == ConnectionState.Connected && _connectedBefore;
            _connectedBefore |= e.Current == ConnectionState.Connected;
            string detail = reconnect ? $"reconnected: {e.Reason}" : e.Reason;
            Journal(new ConnectionChangeRecord(e.At, e.Current.ToString(), detail, e.Current == ConnectionState.Connected ? _client.ServerVersion : null));
        }
    }

    private void OnNotice(object? sender, TwsNotice n)
    {
        lock (_gate)
        {
            if (FarmNotices.Status(n.Code) is { } farm)
            {
                Journal(new ConnectionChangeRecord(_clock.GetUtcNow(), "farm " + farm, $"IB {n.Code}: {n.Message}"));
            }
            else if (n.Code is TwsErrorCodes.ConnectivityLost or TwsErrorCodes.ConnectivityRestoredDataLost or TwsErrorCodes.ConnectivityRestoredDataMaintained)
            {
                Journal(new ConnectionChangeRecord(_clock.GetUtcNow(), "gateway " + n.Code, $"IB {n.Code}: {n.Message}"));
            }

            if (n.Info.Severity == TwsErrorSeverity.Info)
            {
                return;
            }

            string target = n.RequestId >= 0 ? $" (request {n.RequestId})" : string.Empty;
            _err.WriteLine($"edge: IB {n.Info.Severity.ToString().ToLowerInvariant()} {n.Code}{target}: {n.Message}{(n.Info.Hint.Length > 0 ? " — " + n.Info.Hint : string.Empty)}");
        }
    }

    // Called under _gate: writes stay in order, and a failed write is said, never thrown into the client's event task.
    private void Journal(ConnectionChangeRecord record)
    {
        if (_journal is null)
        {
            return;
        }

        _writes.RemoveAll(t => t.IsCompletedSuccessfully);
        _writes.Add(WriteAsync(record));
    }

    private async Task WriteAsync(ConnectionChangeRecord record)
    {
        try
        {
            await _journal!.AppendConnectionChangeAsync(record).ConfigureAwait(false);
        }
        catch (JournalException ex)
        {
            _err.WriteLine($"edge: a connection change could not be journaled: {ex.Message}");
        }
    }

    public void Dispose()
    {
        _client.StateChanged -= OnState;
        _client.Notice -= OnNotice;
    }
}
