using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Scan;

/// <summary>Symbols from IB's market scanner, merged and de-duplicated, and the scan codes that failed.</summary>
public sealed record ScannerUniverseResult(IReadOnlyList<RadarTarget> Targets, IReadOnlyList<SymbolError> Problems);

/// <summary>
/// A radar universe from IB's market scanner: up to 10 scan codes (IB's limit of active scans) × 50 rows (IB's most),
/// US stocks, with the price and volume filters passed to IB; rows merged in code order, duplicates dropped. Scanner
/// rows carry their contract, so these symbols need no contract lookup.
/// </summary>
public static class ScannerUniverse
{
    /// <summary>IB's limit of scanner subscriptions at once.</summary>
    public const int MaxCodes = 10;

    /// <summary>IB's most rows per scan.</summary>
    public const int MaxRows = 50;

    /// <summary>The codes used for <c>--scanner default</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultCodes = ["TOP_PERC_GAIN", "TOP_PERC_LOSE", "HOT_BY_VOLUME", "MOST_ACTIVE", "HIGH_OPEN_GAP"];

    /// <summary>Runs <paramref name="codes"/> at once; a failing code is reported, the others still count.</summary>
    /// <exception cref="ArgumentException">No code, more than <see cref="MaxCodes"/>, or a blank one.</exception>
    public static async Task<ScannerUniverseResult> LoadAsync(TwsClient client, IReadOnlyList<string> codes, AnomalyOptions filter,
        double minVolume, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(filter);
        List<string> distinct = [.. codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];
        if (distinct.Count is 0 or > MaxCodes)
        {
            throw new ArgumentException($"Give 1 to {MaxCodes} scanner codes (IB runs at most {MaxCodes} scans at once); got {distinct.Count}.", nameof(codes));
        }

        Task<IReadOnlyList<ScannerDataRow>>[] scans = [.. distinct.Select(code => client.ScanAsync(new ScannerSubscription
        {
            Instrument = "STK",
            LocationCode = "STK.US.MAJOR",
            ScanCode = code,
            NumberOfRows = MaxRows,
            AbovePrice = filter.MinPrice > 0 ? filter.MinPrice : null,
            BelowPrice = double.IsFinite(filter.MaxPrice) ? filter.MaxPrice : null,
            AboveVolume = minVolume > 0 ? (int)Math.Min(int.MaxValue, minVolume) : null,
        }, cancellationToken))];
        try
        {
            await Task.WhenAll(scans).ConfigureAwait(false);
        }
        catch (TwsException)
        {
            // Each failed code is reported below; the others still count.
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var targets = new List<RadarTarget>();
        var problems = new List<SymbolError>();
        for (int i = 0; i < scans.Length; i++)
        {
            if (!scans[i].IsCompletedSuccessfully)
            {
                Exception? error = scans[i].Exception?.GetBaseException();
                if (scans[i].IsCanceled || (error is TwsException tws && !MarketDataService.IsPerSymbol(tws)))
                {
                    // The connection, not the code, failed: no scan can be trusted.
                    await scans[i].ConfigureAwait(false);
                }

                problems.Add(new SymbolError(distinct[i], (error as TwsException)?.Code ?? 0, $"scanner {distinct[i]}: {error?.Message}"));
                continue;
            }

            foreach (ScannerDataRow row in scans[i].Result.OrderBy(r => r.Rank))
            {
                string symbol = row.Contract.Symbol.Trim().ToUpperInvariant();
                if (symbol.Length > 0 && seen.Add(symbol))
                {
                    targets.Add(new RadarTarget(symbol, row.Contract with { Exchange = "SMART", Currency = "USD", SecType = "STK" }, Filtered: true));
                }
            }
        }

        return new ScannerUniverseResult(targets, problems);
    }
}
