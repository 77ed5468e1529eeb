namespace Gv2Edge.Cli.Check;

/// <summary>One problem <c>edge check</c> found: a stable code, what is wrong, and how to fix it.</summary>
public sealed record CheckProblem(string Code, string Message, string Fix);

/// <summary>A data farm's state as the gateway last reported it (ok, broken, inactive, connecting).</summary>
public sealed record FarmStatus(string Name, string Status);

/// <summary>The result of <c>edge check</c>, field for field as cli-contract.md describes it.</summary>
public sealed record CheckReport(
    bool Ok,
    string Host,
    int Port,
    int? ServerVersion,
    string? ConnectionTime,
    IReadOnlyList<string> Accounts,
    double? RoundTripMs,
    double? ClockSkewMs,
    IReadOnlyList<FarmStatus> Farms,
    bool QuotesFlowing,
    IReadOnlyList<CheckProblem> Problems);
