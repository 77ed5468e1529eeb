using System.Globalization;

namespace Gv2Edge.Radar.Anomaly;

/// <summary>
/// The anomaly radar's scoring (pure): VOLUME_SPIKE (volume &gt; 3× the symbol's average to this time, score
/// min(0.3, ratio/20)), GAP (|gap| &gt; 3%, score min(0.5, 5·|gap|) with gap a fraction, sign kept), VOLATILITY_SURGE
/// (range &gt; 2× ATR(14), score min(0.2, 0.1·range/ATR)). Rows are emitted at score ≥ 0.2 and sorted by score.
/// </summary>
public sealed class AnomalyScorer(AnomalyOptions? options = null)
{
    /// <summary>Thresholds in use.</summary>
    public AnomalyOptions Options { get; } = options ?? new AnomalyOptions();

    /// <summary>The row for one symbol, whatever its score.</summary>
    public RadarRow Evaluate(AnomalyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        double? last = Price(input.Last), prev = Price(input.PrevClose), high = Price(input.DayHigh), low = Price(input.DayLow);
        double? volume = NonNegative(input.Volume), avg = Price(input.AvgVolumeToTime), atr = Price(input.Atr);
        double? volumeRatio = volume / avg;
        double? gap = last is { } l && prev is { } p ? (l - p) / p : null;
        double? rangeToAtr = high is { } h && low is { } lo && h >= lo ? (h - lo) / atr : null;

        var findings = new List<AnomalyFinding>(3);
        if (volumeRatio > Options.VolumeSpikeRatio)
        {
            double r = volumeRatio.Value;
            findings.Add(new("VOLUME_SPIKE", r, Options.VolumeSpikeRatio, avg!.Value, Math.Min(0.3, r / 20), F($"volume {volume:0} is {r:0.0}x its average of {avg:0} by this time of day{(input.VolumeBaselineNote is { } note ? $" ({note})" : string.Empty)}")));
        }

        if (gap is { } g && Math.Abs(g) * 100 > Options.GapPct)
        {
            findings.Add(new("GAP", g * 100, Options.GapPct, prev!.Value, Math.Min(0.5, 5 * Math.Abs(g)), F($"gap {(g > 0 ? "up" : "down")} {g * 100:+0.00;-0.00}% against the previous close {prev:0.####}")));
        }

        if (rangeToAtr > Options.RangeToAtr)
        {
            double x = rangeToAtr.Value;
            findings.Add(new("VOLATILITY_SURGE", x, Options.RangeToAtr, atr!.Value, Math.Min(0.2, 0.1 * x), F($"today's range {high - low:0.####} is {x:0.0}x its ATR(14) of {atr:0.####}")));
        }

        double score = findings.Sum(f => f.Score);
        return new RadarRow
        {
            Symbol = input.Symbol,
            Types = [.. findings.Select(f => f.Type)],
            Score = score,
            GapPct = gap * 100,
            VolumeRatio = volumeRatio,
            RangeToAtr = rangeToAtr,
            Last = last,
            PrevClose = prev,
            Volume = volume,
            AvgVolumeToTime = avg,
            VolumeBaseline = avg is null ? VolumeBaselineSource.None : input.VolumeBaseline,
            Atr = atr,
            Session = input.Session,
            DataQuality = input.DataQuality,
            Anomalies = findings,
            IsSuspect = score >= Options.SuspectScore,
        };
    }

    /// <summary>The rows at or above the emit score, highest score first (ties by symbol). Bad values are treated as unknown and never stop the scan.</summary>
    public IReadOnlyList<RadarRow> Scan(IEnumerable<AnomalyInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var rows = new List<RadarRow>();
        foreach (AnomalyInput input in inputs)
        {
            RadarRow row = Evaluate(input);
            if (row.Score >= Options.EmitScore)
            {
                rows.Add(row);
            }
        }

        return [.. rows.OrderByDescending(r => r.Score).ThenBy(r => r.Symbol, StringComparer.Ordinal)];
    }

    private static double? Price(double? v) => v is { } x && double.IsFinite(x) && x > 0 ? x : null;

    private static double? NonNegative(double? v) => v is { } x && double.IsFinite(x) && x >= 0 ? x : null;

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
