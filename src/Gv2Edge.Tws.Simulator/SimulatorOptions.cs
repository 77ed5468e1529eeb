using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gv2Edge.Tws.Simulator;

/// <summary>How a <see cref="GatewaySimulator"/> runs. Immutable; every property has a documented default.</summary>
public sealed record SimulatorOptions
{
    /// <summary>TCP port; 0 (default) picks a free port (read it back from <see cref="GatewaySimulator.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>Address to listen on; default 127.0.0.1 (loopback only).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Highest server version offered (default 187, the maximum; the handshake answers min(client max, this)).</summary>
    public int ServerVersion { get; init; } = 187;

    /// <summary>Seed of the market model (default 1). Same seed and scenario → same stream.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>A built-in scenario name ("demo", "quiet", …) or a JSON file path; default "quiet".</summary>
    public string Scenario { get; init; } = "quiet";

    /// <summary>Exchange-local (New York) start time; default: the scenario's start.</summary>
    public DateTime? Start { get; init; }

    /// <summary>Market seconds per second of <see cref="TimeProvider"/>; default 1.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>Market-data lines (simultaneous reqMktData); default 100, as IB's base allowance.</summary>
    public int Lines { get; init; } = 100;

    /// <summary>Accounts reported in managedAccounts; default one paper account, DU1234567.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = ["DU1234567"];

    /// <summary>
    /// Symbols the account is "not subscribed" to: live data is refused (354, or 10167 then delayed ticks after
    /// reqMarketDataType 3/4). Default none.
    /// </summary>
    public IReadOnlyCollection<string> UnsubscribedSymbols { get; init; } = [];

    /// <summary>
    /// Whether the account may see delayed data for <see cref="UnsubscribedSymbols"/> (default true): with it, live
    /// requests get 10089 and delayed ones 10167 then delayed ticks; without it, 354 and 10168.
    /// </summary>
    public bool DelayedDataEnabled { get; init; } = true;

    /// <summary>
    /// Symbols whose reqHistoricalData fails, and how (default none; see <see cref="Faults.HistoricalFailure"/>). Added
    /// to a scenario file's <c>historicalFailures</c> (these win for a symbol in both); change them while running with
    /// <see cref="Faults.SimulatorFaults.FailHistoricalData"/>.
    /// </summary>
    public IReadOnlyDictionary<string, Faults.HistoricalFailure> HistoricalFailures { get; init; }
        = new Dictionary<string, Faults.HistoricalFailure>();

    /// <summary>Whether the account has US options data (OPRA); default true. Without it every option line gets 354.</summary>
    public bool OptionDataPermission { get; init; } = true;

    /// <summary>Whether option lines carry IB's computed greeks (ticks 10–13); default true. False: a gateway that never sends them.</summary>
    public bool SendOptionGreeks { get; init; } = true;

    /// <summary>Send 2104/2106/2158 farm-status messages after startApi (default true, as TWS does).</summary>
    public bool FarmStatusOnConnect { get; init; } = true;

    /// <summary>
    /// Market seconds to wait before answering a snapshot with tickSnapshotEnd (default 11, IB's collection window
    /// is about 11 s; the data itself goes out at once).
    /// </summary>
    public double SnapshotSeconds { get; init; } = 11;

    /// <summary>
    /// Load mode for benchmarks (default null: off). NOT IB-faithful: streaming lines get pre-encoded level-1 frames at
    /// a fixed rate instead of the market model's coalesced updates. See <see cref="Load.LoadOptions"/>.
    /// </summary>
    public Load.LoadOptions? Load { get; init; }

    /// <summary>
    /// Step every stock of the universe up to the market clock in the background after start (default false), so the
    /// first scanner request late in the simulated day does not have to (it would step each stock second by second
    /// from 04:00 while holding the market). One stock at a time: market data keeps flowing meanwhile.
    /// </summary>
    public bool WarmUp { get; init; }

    /// <summary>
    /// The clock the 50 messages/s limit and historical pacing are counted on (default <see cref="Simulator.LimitsClock.Market"/>,
    /// what an in-process client pacing on the market clock needs; <see cref="Simulator.LimitsClock.Driving"/> is what IB
    /// does and what external clients need at a speed other than 1). Same result at speed 1.
    /// </summary>
    public LimitsClock LimitsClock { get; init; } = LimitsClock.Market;

    /// <summary>The driving clock (default <see cref="TimeProvider.System"/>); tests pass a FakeTimeProvider.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Logging; default none.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port {Port} is outside 0–65535.");
        }

        if (ServerVersion is < Protocol.ServerVersions.MinSupported or > Protocol.ServerVersions.MaxSupported)
        {
            throw new ArgumentException(
                $"Server version {ServerVersion} is not supported; use {Protocol.ServerVersions.MinSupported}–{Protocol.ServerVersions.MaxSupported}.");
        }

        if (!(Speed > 0) || double.IsInfinity(Speed))
        {
            throw new ArgumentException($"Speed {Speed} must be a positive number.");
        }

        if (Lines < 1)
        {
            throw new ArgumentException($"Lines {Lines} must be at least 1.");
        }

        if (!Enum.IsDefined(LimitsClock))
        {
            throw new ArgumentException($"LimitsClock {LimitsClock} is not one of {string.Join(", ", Enum.GetNames<LimitsClock>())}.");
        }

        Load?.Validate();
        foreach ((string symbol, Faults.HistoricalFailure failure) in HistoricalFailures)
        {
            if (string.IsNullOrWhiteSpace(symbol) || !Enum.IsDefined(failure))
            {
                throw new ArgumentException($"Historical failure \"{failure}\" for symbol \"{symbol}\" is not valid.");
            }
        }

        if (Accounts.Count == 0 || Accounts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one non-empty account is needed (clients wait for managedAccounts).");
        }
    }
}
