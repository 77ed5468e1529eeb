using System.Collections.Concurrent;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Simulator.Server;

namespace Gv2Edge.Tws.Simulator.Faults;

/// <summary>
/// Faults on demand, for tests and the CLI: what a real gateway does on a bad day. Every method acts at once on
/// all current connections unless it says otherwise.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly GatewaySimulator _server;
    private long _replyDelayTicks;
    private long _refuseUntilTicks;
    private readonly ConcurrentDictionary<string, HistoricalFailure> _historyFailures = new(StringComparer.OrdinalIgnoreCase);

    internal SimulatorFaults(GatewaySimulator server)
    {
        _server = server;
        // The scenario's list first, so the options (the caller's explicit choice) win for a symbol in both.
        foreach ((string symbol, HistoricalFailure failure) in server.Scenario.HistoricalFailures)
        {
            FailHistoricalData(symbol, failure);
        }

        foreach ((string symbol, HistoricalFailure failure) in server.Options.HistoricalFailures)
        {
            FailHistoricalData(symbol, failure);
        }
    }

    /// <summary>Delay added before each batch of replies goes out (default zero), on the driving clock.</summary>
    public TimeSpan ReplyDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _replyDelayTicks));
        set => Interlocked.Exchange(ref _replyDelayTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>True while a simulated restart refuses new connections.</summary>
    public bool RefusingConnections
        => _server.Options.TimeProvider.GetUtcNow().UtcTicks < Interlocked.Read(ref _refuseUntilTicks);

    /// <summary>Closes every client connection at once (the gateway process died or the network dropped).</summary>
    public void DropAllConnections()
    {
        foreach (SimConnection c in _server.Connections)
        {
            c.Close();
        }
    }

    /// <summary>
    /// A gateway restart: every connection drops, and new connections are closed on arrival for
    /// <paramref name="downtime"/> (driving clock).
    /// </summary>
    public void Restart(TimeSpan downtime)
    {
        Interlocked.Exchange(ref _refuseUntilTicks, _server.Options.TimeProvider.GetUtcNow().UtcTicks + downtime.Ticks);
        DropAllConnections();
    }

    /// <summary>IB lost its link to the servers: error 1100 to every client; market data stops until a restore.</summary>
    public void ConnectivityLost()
    {
        _server.DataPaused = true;
        Broadcast(IbError.ConnectivityLost, IbError.ConnectivityLostText);
    }

    /// <summary>
    /// The link is back. <paramref name="dataLost"/> true: 1101 and every market-data subscription is dropped (the
    /// client must resubscribe, as IB requires); false: 1102 and subscriptions resume.
    /// </summary>
    public void ConnectivityRestored(bool dataLost)
    {
        if (dataLost)
        {
            foreach (SimConnection c in _server.Connections)
            {
                c.DropMarketData();
            }
        }

        _server.DataPaused = false;
        Broadcast(dataLost ? IbError.RestoredDataLost : IbError.RestoredDataMaintained,
            dataLost ? IbError.RestoredDataLostText : IbError.RestoredDataMaintainedText);
    }

    /// <summary>The market-data farm drops (2103, data stops) or comes back (2104, data resumes).</summary>
    public void FarmFlap(bool up)
    {
        _server.DataPaused = !up;
        Broadcast(up ? IbError.FarmOk : IbError.FarmBroken, up ? IbError.FarmOkText : IbError.FarmBrokenText);
    }

    /// <summary>
    /// One market-data subscription stops updating with no error at all (IB does this). Returns false when no
    /// connection has a subscription with <paramref name="reqId"/>.
    /// </summary>
    public bool SilenceSubscription(int reqId)
    {
        bool found = false;
        foreach (SimConnection c in _server.Connections)
        {
            found |= c.Silence(reqId);
        }

        return found;
    }

    /// <summary>A competing live session took the market data: 10197 on every live subscription, data stops.</summary>
    public void CompetingSession()
    {
        foreach (SimConnection c in _server.Connections)
        {
            c.CompetingSession();
        }
    }

    /// <summary>
    /// From now on every reqHistoricalData for <paramref name="symbol"/> (case-insensitive) fails the way
    /// <paramref name="failure"/> says, on every connection, until <see cref="RestoreHistoricalData"/>. Other
    /// symbols are unaffected. A request with invalid parameters still gets its validation error first, and a
    /// failed request does not count towards historical pacing.
    /// </summary>
    public void FailHistoricalData(string symbol, HistoricalFailure failure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (!Enum.IsDefined(failure))
        {
            throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown historical failure.");
        }

        _historyFailures[symbol.Trim()] = failure;
    }

    /// <summary>Historical requests for <paramref name="symbol"/> are served again. Returns false when none were failing.</summary>
    public bool RestoreHistoricalData(string symbol) => _historyFailures.TryRemove(symbol.Trim(), out _);

    /// <summary>How historical requests for <paramref name="symbol"/> fail, or null when they are served.</summary>
    public HistoricalFailure? HistoricalFailureFor(string symbol)
        => _historyFailures.TryGetValue(symbol, out HistoricalFailure f) ? f : null;

    /// <summary>Sends one malformed frame to every client (a field that is not a number where one is due).</summary>
    public void SendMalformedFrame()
    {
        foreach (SimConnection c in _server.Connections)
        {
            using Outbox.Scope scope = c.Outbox.Open();
            MessageWriter w = scope.Writer;
            w.BeginMessage();
            w.Write(IncomingMessageId.TickPrice);
            w.Write("six");
            w.Write("not-a-request-id");
            w.WriteRaw("\u0001garbage"u8);
            w.EndMessage();
        }
    }

    private void Broadcast(int code, string text)
    {
        foreach (SimConnection c in _server.Connections)
        {
            c.SendError(-1, code, text);
        }
    }
}
