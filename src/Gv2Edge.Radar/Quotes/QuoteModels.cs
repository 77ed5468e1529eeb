namespace Gv2Edge.Radar.Quotes;

/// <summary>
/// A level-1 quote as <c>edge quote</c> prints it. Every unknown value is null (never 0 or NaN); percentages are
/// percent. <see cref="GapPct"/> follows <see cref="GapMath.Gap"/>: vs the previous close in PRE and RTH, vs today's
/// RTH close in POST.
/// </summary>
public sealed record Quote(
    string Symbol,
    DateTimeOffset Time,
    string Session,
    double? Last,
    double? Bid,
    double? Ask,
    decimal? BidSize,
    decimal? AskSize,
    double? Spread,
    double? SpreadPct,
    decimal? Volume,
    double? Vwap,
    double? Open,
    double? High,
    double? Low,
    double? PrevClose,
    double? ChangePct,
    double? GapPct,
    string MarketDataType,
    bool? Halted);

/// <summary>Extended-hours detail of a quote (the guide's extended-hours module).</summary>
/// <param name="Reference">The close the gap is measured against (prevClose in PRE/RTH, today's RTH close in POST).</param>
/// <param name="ReferenceKind"><c>prevClose</c> or <c>rthClose</c>.</param>
/// <param name="ExtendedVolume">Volume traded in the current extended session (PRE or POST), null outside them.</param>
/// <param name="PreMarketHigh">Pre-market high of the trading day from 1-minute bars, null without pre-market trades.</param>
/// <param name="PreMarketLow">Pre-market low.</param>
/// <param name="PreMarketVolume">Pre-market volume.</param>
public sealed record ExtendedHours(
    double? Reference,
    string ReferenceKind,
    decimal? ExtendedVolume,
    double? PreMarketHigh,
    double? PreMarketLow,
    decimal? PreMarketVolume);

/// <summary>One bar as <c>edge bars</c> prints it; <see cref="Session"/> is PRE/RTH/POST for intraday bars, null for daily.</summary>
public sealed record BarRow(
    DateTimeOffset Time,
    double Open,
    double High,
    double Low,
    double Close,
    decimal? Volume,
    double? Vwap,
    int? Count,
    string? Session);

/// <summary>One row of a gap scan.</summary>
public sealed record GapRow(string Symbol, string Session, double Last, double Reference, string ReferenceKind, double GapPct, decimal Volume);

/// <summary>A per-symbol failure: IB's code (200 unknown…) or ours (<see cref="Services.SymbolErrorCodes"/>).</summary>
public sealed record SymbolError(string Symbol, int Code, string Message);
