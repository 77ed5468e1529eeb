using Gv2Edge.Cli.Recording;
using Gv2Edge.Market;
using Gv2Edge.Radar.Live;
using Gv2Edge.Radar.Services;
using Gv2Edge.Radar.State;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>
/// The baseline load of <see cref="BaselineLoader"/> when recording: the same history request and average, but the
/// average daily volume is written to the recording at the very point the store takes it, so a replay applies the
/// same baseline before the same tick.
/// </summary>
public static class RecordedBaselines
{
    /// <summary>Loads one symbol's baseline into <paramref name="store"/> and records it; false when no history.</summary>
    public static async Task<bool> LoadAsync(TwsClient client, ContractResolver resolver, SymbolStateStore store, UsEquitySessions sessions,
        TimeProvider clock, TickRecorder recorder, string symbol, CancellationToken cancellationToken)
    {
        DateOnly today = sessions.GetSession(clock.GetUtcNow()).SessionDate;
        try
        {
            Contract contract = ContractResolver.ForMarketData(await resolver.ResolveAsync(symbol, cancellationToken).ConfigureAwait(false));
            HistoricalData data = await client.GetHistoricalBarsAsync(contract, string.Empty, "1 M", "1 day", "TRADES", useRth: true, cancellationToken).ConfigureAwait(false);
            double adv = BaselineLoader.AverageDailyVolume(data.Bars, today);
            if (!(adv > 0))
            {
                return false;
            }

            lock (recorder.Gate)
            {
                store.Baselines.FromAverageDailyVolume(symbol, today, adv);
                recorder.WriteBaseline(symbol, today, adv, clock.GetUtcNow());
            }

            return true;
        }
        catch (Exception ex) when (ex is SymbolException or TwsException or TimeoutException)
        {
            return false;
        }
    }
}
