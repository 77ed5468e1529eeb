using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;

namespace Gv2Edge.Tws;

/// <summary>A message from IB that did not fail a request: a warning or information (farm status, 1100…).</summary>
/// <param name="RequestId">The request it names, or -1 for system messages.</param>
/// <param name="Code">IB's code.</param>
/// <param name="Message">IB's text.</param>
/// <param name="Info">What the code means and what to do.</param>
public sealed record TwsNotice(int RequestId, int Code, string Message, TwsErrorInfo Info);

/// <summary>A subscription became stale or fresh, or failed.</summary>
/// <param name="Subscription">Which one.</param>
/// <param name="Reason">Why, in plain words.</param>
public sealed record SubscriptionEvent(MarketDataSubscription Subscription, string Reason);
