using Gv2Edge.Market;
using Gv2Edge.Radar.Services;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Cli.Check;

/// <summary>
/// Does a level-1 value (last, bid, ask or close; live or frozen) arrive for a symbol within the wait? If not,
/// the problem says which of the guide's causes applies: no subscription, unknown symbol, market closed, delayed
/// data available.
/// </summary>
public static class QuoteProbe
{
    /// <summary>Probes one symbol; returns null when quotes flow, else the problem.</summary>
    public static async Task<CheckProblem?> RunAsync(TwsClient client, ContractResolver resolver, string symbol, MarketSession session,
        IReadOnlyList<TwsNotice> notices, TimeSpan wait, CancellationToken ct)
    {
        ContractDetails details;
        try
        {
            details = await resolver.ResolveAsync(symbol, ct).ConfigureAwait(false);
        }
        catch (SymbolException ex)
        {
            return new CheckProblem("unknown-symbol", ex.Message, "Check the symbol's spelling (a US stock or ETF, e.g. SPY), or probe another with --symbol.");
        }
        catch (TwsException ex) when (ex.Code == TwsErrorCodes.NoSecurityDefinition)
        {
            return new CheckProblem("unknown-symbol", $"{symbol}: IB knows no such US stock ({ex.IbMessage}).", "Check the symbol's spelling, or probe another with --symbol.");
        }

        MarketDataSubscription sub = client.Subscribe(ContractResolver.ForMarketData(details), "", LineKind.OnDemand);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(wait);
            while (!timeout.IsCancellationRequested && sub.IsActive && !HasValue(sub.Ticker.Snapshot()))
            {
                try
                {
                    await Task.Delay(50, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    break;
                }
            }

            if (HasValue(sub.Ticker.Snapshot()))
            {
                return null;
            }

            return Diagnose(symbol, sub.Error as TwsException, session, notices, wait, client.Options.MarketDataType);
        }
        finally
        {
            client.Unsubscribe(sub);
        }
    }

    private static bool HasValue(TickerSnapshot t)
        => Positive(t.Last) || Positive(t.Bid) || Positive(t.Ask) || Positive(t.PreviousClose);

    private static bool Positive(double v) => double.IsFinite(v) && v > 0;

    private static CheckProblem Diagnose(string symbol, TwsException? error, MarketSession session, IReadOnlyList<TwsNotice> notices,
        TimeSpan wait, MarketDataType asked)
    {
        bool delayedAvailable;
        lock (notices)
        {
            delayedAvailable = notices.Any(n => n.Code is TwsErrorCodes.DelayedAvailable or TwsErrorCodes.DisplayingDelayed)
                || error?.Code == TwsErrorCodes.DelayedAvailable;
        }

        string market = session == MarketSession.Closed
            ? " The market is closed now: a live request shows nothing until the next session; frozen data (Ibkr:MarketDataType frozen) shows the last quote."
            : string.Empty;
        string delayed = delayedAvailable
            ? " IB says delayed data is available for it: set Ibkr:MarketDataType to delayed to use it meanwhile (free, 15 minutes late)."
            : asked is MarketDataType.Live or MarketDataType.Frozen
                ? " Delayed data needs no subscription: try Ibkr:MarketDataType delayed."
                : string.Empty;
        if (error is not null)
        {
            bool subscription = error.Code is TwsErrorCodes.NotSubscribed or TwsErrorCodes.DelayedAvailable or TwsErrorCodes.DelayedNotEnabled
                or TwsErrorCodes.DelayedNotEnabled2 or TwsErrorCodes.PartiallySubscribed or TwsErrorCodes.PartialEntitlement;
            return new CheckProblem(subscription ? "no-market-data-subscription" : "market-data-error",
                $"{symbol}: IB refused market data ({error.Code}: {error.IbMessage}).",
                (subscription
                    ? "Subscribe to US equity level 1 (NYSE, NASDAQ, BATS/ARCA, IEX) in Client Portal > Settings > Market Data Subscriptions and share it with the API (a paper account uses the live account's subscriptions)."
                    : error.Hint) + delayed + market);
        }

        return new CheckProblem("no-quotes",
            $"{symbol}: no level-1 value (last, bid, ask or close) arrived within {wait.TotalSeconds:0} s.",
            "Check the market-data subscription (Client Portal > Settings > Market Data Subscriptions) and that the symbol is a listed US stock." + delayed + market);
    }
}
