namespace Gv2Edge.Tws.Pacing;

/// <summary>
/// What IB's historical pacing rules look at in one request.
/// </summary>
/// <param name="Identity">Everything that makes two requests "identical" (contract, end, duration, bar size, what to show, RTH).</param>
/// <param name="ContractKey">Contract + exchange + what to show: the "same contract" of the 2-second rule.</param>
/// <param name="SmallBars">True for bars of 30 seconds or less (the only ones the 60-per-10-minutes rule counts).</param>
/// <param name="Weight">How many requests it counts as (BID_ASK counts twice). Default 1.</param>
public readonly record struct HistoricalRequestKey(string Identity, string ContractKey, bool SmallBars, int Weight = 1)
{
    /// <summary>True when a bar size setting (e.g. "30 secs", "1 min") is 30 seconds or less.</summary>
    public static bool IsSmallBarSize(string barSize)
    {
        string s = barSize.Trim().ToUpperInvariant();
        int space = s.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !int.TryParse(s.AsSpan(0, space), out int n))
        {
            return false;
        }

        return s[(space + 1)..].StartsWith("SEC", StringComparison.Ordinal) && n <= 30;
    }
}
