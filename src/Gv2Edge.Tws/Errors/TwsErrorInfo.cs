namespace Gv2Edge.Tws.Errors;

/// <summary>
/// What one IB error/information code means to this client.
/// </summary>
/// <param name="Code">IB's code (e.g. 200, 1101, 2104).</param>
/// <param name="Name">A short stable name (e.g. <c>NoSecurityDefinition</c>).</param>
/// <param name="Severity">Error fails the request it names; warnings and infos do not.</param>
/// <param name="Hint">Plain words for a trader: what happened and what to do.</param>
public sealed record TwsErrorInfo(int Code, string Name, TwsErrorSeverity Severity, string Hint)
{
    /// <summary>True when the request or stream the code names keeps running (warnings and infos).</summary>
    public bool KeepsRequest => Severity != TwsErrorSeverity.Error;
}
