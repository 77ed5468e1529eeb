using System.Diagnostics;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Market;
using Gv2Edge.Radar.Services;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;

namespace Gv2Edge.Cli.Check;

/// <summary>The guide's Troubleshooting section as code: connect, read the gateway's state, probe quotes.</summary>
public static class GatewayCheck
{
    /// <summary>Clock skew above this is reported (as a warning: it does not make the check fail). 5 s.</summary>
    public static readonly TimeSpan SkewWarning = TimeSpan.FromSeconds(5);

    /// <summary>Runs the whole check for the command's settings and <paramref name="symbols"/>.</summary>
    public static async Task<CheckReport> RunAsync(CommandContext ctx, IReadOnlyList<string> symbols, TimeSpan quoteWait)
    {
        (GatewaySession? gateway, ConnectProblem? failure) = await GatewaySession.TryConnectAsync(ctx).ConfigureAwait(false);
        if (gateway is null)
        {
            string code = failure!.Kind switch
            {
                ConnectFailure.Refused => "connection-refused",
                ConnectFailure.ClosedAfterHandshake => "closed-after-handshake",
                _ => "connect-timeout",
            };
            return new CheckReport(false, ctx.Settings.Ibkr.Host, ctx.Settings.Ibkr.Port, null, null, [], null, null, [], false,
                [new CheckProblem(code, failure.Message, failure.Fix)]);
        }

        await using (gateway.ConfigureAwait(false))
        {
            var problems = new List<CheckProblem>();
            TwsClient client = gateway.Client;
            long start = Stopwatch.GetTimestamp();
            DateTimeOffset before = TimeProvider.System.GetUtcNow();
            double? roundTrip = null;
            double? skew = null;
            DateTimeOffset marketNow = before;
            try
            {
                DateTimeOffset gatewayTime = await client.GetCurrentTimeAsync(ctx.Cancellation).WaitAsync(TimeSpan.FromSeconds(10), ctx.Cancellation).ConfigureAwait(false);
                TimeSpan rtt = Stopwatch.GetElapsedTime(start);
                roundTrip = Math.Round(rtt.TotalMilliseconds, 1);
                skew = Math.Round((gatewayTime - (before + rtt / 2)).TotalMilliseconds, 0);
                marketNow = gatewayTime;
                if (Math.Abs(skew.Value) > SkewWarning.TotalMilliseconds && !gateway.Simulated)
                {
                    problems.Add(new CheckProblem("clock-skew",
                        $"This computer's clock and the gateway's differ by {skew.Value / 1000:0.#} s (the gateway's clock has whole seconds).",
                        "Synchronise the system clock (NTP); time stamps, sessions and staleness checks rely on it."));
                }
            }
            catch (Exception ex) when (ex is TwsException or TimeoutException)
            {
                problems.Add(new CheckProblem("no-current-time", $"The gateway did not answer a time request: {ex.Message}",
                    "The connection is unhealthy: restart IB Gateway / TWS and run edge check again."));
            }

            IReadOnlyList<FarmStatus> farms;
            List<TwsNotice> notices;
            lock (gateway.Notices)
            {
                notices = [.. gateway.Notices];
            }

            farms = FarmNotices.Read(notices);
            foreach (FarmStatus broken in farms.Where(f => f.Status == "broken"))
            {
                problems.Add(new CheckProblem("farm-broken", $"The data farm {broken.Name} is disconnected (IB's own link).",
                    "Wait for IB to restore it (a 2104/2106 notice follows); if it persists, restart IB Gateway / TWS."));
            }

            var resolver = new ContractResolver(client.GetContractDetailsAsync, gateway.Sessions, TimeProvider.System);
            MarketSession session = gateway.Sessions.SessionAt(marketNow);
            CheckProblem?[] probes = await Task.WhenAll(symbols.Select(s =>
                QuoteProbe.RunAsync(client, resolver, s, session, gateway.Notices, quoteWait, ctx.Cancellation))).ConfigureAwait(false);
            problems.AddRange(probes.OfType<CheckProblem>());
            bool flowing = probes.All(p => p is null);
            return new CheckReport(flowing, gateway.Host, gateway.Port, client.ServerVersion, client.ConnectionTime, client.Accounts,
                roundTrip, skew, farms, flowing, problems);
        }
    }
}
