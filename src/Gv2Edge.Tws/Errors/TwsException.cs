namespace Gv2Edge.Tws.Errors;

/// <summary>
/// A request failed: IB answered with an error code, or the client gave up on it (disconnect, line budget,
/// shutdown). <see cref="Hint"/> says in plain words what to do.
/// </summary>
public sealed class TwsException : Exception
{
    public TwsException(int code, string message, int requestId = -1)
        : base(Compose(code, message, TwsErrorCodes.Lookup(code).Hint))
    {
        Code = code;
        RequestId = requestId;
        Info = TwsErrorCodes.Lookup(code);
        Hint = Info.Hint;
        IbMessage = message;
    }

    public TwsException(int code, string message, string hint, int requestId = -1)
        : base(Compose(code, message, hint))
    {
        Code = code;
        RequestId = requestId;
        Info = TwsErrorCodes.Lookup(code);
        Hint = hint;
        IbMessage = message;
    }

    public TwsException()
        : this(TwsErrorCodes.NotConnected, "Not connected.")
    {
    }

    public TwsException(string message)
        : this(TwsErrorCodes.NotConnected, message)
    {
    }

    public TwsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = TwsErrorCodes.ConnectionLost;
        Info = TwsErrorCodes.Lookup(Code);
        Hint = Info.Hint;
        IbMessage = message;
        RequestId = -1;
    }

    /// <summary>IB's code, or a negative client-side code (see <see cref="TwsErrorCodes"/>).</summary>
    public int Code { get; }

    /// <summary>The request id the error names, or -1.</summary>
    public int RequestId { get; }

    /// <summary>IB's own text (or the client's, for client-side codes).</summary>
    public string IbMessage { get; }

    /// <summary>What to do, in plain words.</summary>
    public string Hint { get; }

    /// <summary>The table entry for <see cref="Code"/>.</summary>
    public TwsErrorInfo Info { get; }

    private static string Compose(int code, string message, string hint)
        => $"IB {code} ({TwsErrorCodes.Lookup(code).Name}): {message} — {hint}";
}
