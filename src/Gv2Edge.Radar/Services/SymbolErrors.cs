namespace Gv2Edge.Radar.Services;

/// <summary>A per-symbol failure with IB's code (200 unknown, 354 not subscribed, …) and plain words.</summary>
public class SymbolException(string symbol, int code, string message) : Exception(message)
{
    public string Symbol { get; } = symbol;

    /// <summary>IB's error code, or one of ours (see <see cref="SymbolErrorCodes"/>).</summary>
    public int Code { get; } = code;
}

/// <summary>Codes of per-symbol errors that are not IB's.</summary>
public static class SymbolErrorCodes
{
    /// <summary>IB's "No security definition has been found".</summary>
    public const int Unknown = 200;

    /// <summary>The symbol matches several listings; the message names them.</summary>
    public const int Ambiguous = 9001;

    /// <summary>An OTC/pink-sheet listing: not covered by the guide's NYSE/NASDAQ/BATS/ARCA/IEX subscriptions.</summary>
    public const int NotCovered = 9002;

    /// <summary>No data arrived in time.</summary>
    public const int NoData = 9003;

    /// <summary>Not a valid symbol (characters).</summary>
    public const int Invalid = 9004;
}
