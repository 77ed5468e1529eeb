using System.Globalization;
using Gv2Edge.Market;
using Gv2Edge.Radar.Services;
using Gv2Edge.Radar.State;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Live;

/// <summary>
/// Seeds the baseline service with each symbol's own average daily volume (the last month of daily TRADES bars,
/// today excluded), spread over the day by the intraday volume curve. One historical request per symbol per day,
/// through the client's historical pacing; a failure leaves the symbol without a volume baseline (no
/// VOLUME_SPIKE for it) and is counted, never fatal.
/// </summary>
public sealed class BaselineLoader(TwsClient client, ContractResolver resolver, SymbolStateStore store, UsEquitySessions sessions, TimeProvider clock)
{
    private long _loaded;
    private long _failed;

    /// <summary>Symbols whose baseline was loaded.</summary>
    public long Loaded => Interlocked.Read(ref _loaded);

    /// <summary>Symbols whose history could not be had.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Loads the baseline of <paramref name="symbol"/> for the current session date.</summary>
    public async Task<bool> LoadAsync(string symbol, CancellationToken cancellationToken)
    {
        DateOnly today = sessions.GetSession(clock.GetUtcNow()).SessionDate;
        if (store.Baselines.Get(symbol, today) is not null)
        {
            return true;
        }

        try
        {
            Contract contract = ContractResolver.ForMarketData(await resolver.ResolveAsync(symbol, cancellationToken).ConfigureAwait(false));
            HistoricalData data = await client.GetHistoricalBarsAsync(contract, string.Empty, "1 M", "1 day", "TRADES", useRth: true, cancellationToken).ConfigureAwait(false);
            double adv = AverageDailyVolume(data.Bars, today);
            if (!(adv > 0))
            {
                Interlocked.Increment(ref _failed);
                return false;
            }

            store.Baselines.FromAverageDailyVolume(symbol, today, adv);
            Interlocked.Increment(ref _loaded);
            return true;
        }
        catch (Exception ex) when (ex is SymbolException or TwsException or TimeoutException)
        {
            Interlocked.Increment(ref _failed);
            return false;
        }
    }

    /// <summary>Loads every symbol, a few at a time (the client paces the requests).</summary>
    public async Task LoadAllAsync(IEnumerable<string> symbols, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(symbols, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (symbol, ct) => await LoadAsync(symbol, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>Mean volume of the complete daily bars before <paramref name="today"/> (bar dates yyyyMMdd).</summary>
    public static double AverageDailyVolume(IReadOnlyList<Tws.Protocol.Messages.Bar> bars, DateOnly today)
    {
        double sum = 0;
        int n = 0;
        foreach (Tws.Protocol.Messages.Bar bar in bars)
        {
            string date = bar.Date.Length >= 8 ? bar.Date[..8] : bar.Date;
            if (!DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) || d >= today)
            {
                continue;
            }

            if (bar.Volume is { } v && v > 0)
            {
                sum += (double)v;
                n++;
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }
}
