using Gv2Edge.Tws.Transport;

namespace Gv2Edge.Tws;

/// <summary>One connection's life: from socket open to close. A new one is made for every (re)connect.</summary>
internal sealed class Session(CancellationToken clientToken) : IDisposable
{
    public CancellationTokenSource Cts { get; } = CancellationTokenSource.CreateLinkedTokenSource(clientToken);

    public ITwsConnection? Connection { get; set; }

    public int ServerVersion { get; set; }

    public string ConnectionTime { get; set; } = "";

    public bool HelloReceived { get; set; }

    public bool GotNextValidId { get; set; }

    public bool GotAccounts { get; set; }

    public IReadOnlyList<string> Accounts { get; set; } = [];

    public int NextValidId { get; set; }

    public volatile bool Ready;

    /// <summary>Why the session was ended from our side (heartbeat, garbage, 326, 1300…), if it was.</summary>
    public Exception? AbortReason { get; set; }

    public ITimer? Heartbeat { get; set; }

    public int HeartbeatPending;

    public long HeartbeatSentTimestamp;

    /// <summary>Sizes arrive in lots of 100 for US stocks below this version.</summary>
    public bool SizesInLots => ServerVersion < Protocol.ServerVersions.MarketDataInShares;

    public void Dispose()
    {
        Heartbeat?.Dispose();
        Cts.Dispose();
    }
}
