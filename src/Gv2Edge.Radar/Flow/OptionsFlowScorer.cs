using System.Globalization;

namespace Gv2Edge.Radar.Flow;

/// <summary>
/// Options-flow signals and score from a symbol's option data (pure). OPRA level 1 has no trade direction, no
/// sweeps or blocks, and open interest is the previous day's: volume above open interest suggests new positions,
/// it does not prove them. VOLUME_OVER_OI and OPTION_VOLUME_VS_AVG score 0.5 at their threshold rising to 1 at three
/// times it: min(1, 0.5 + 0.25·(value/threshold − 1)).
/// </summary>
public sealed class OptionsFlowScorer(OptionsFlowOptions? options = null)
{
    /// <summary>Thresholds in use.</summary>
    public OptionsFlowOptions Options { get; } = options ?? new OptionsFlowOptions();

    /// <summary>Scores one symbol.</summary>
    public OptionsFlowResult Score(OptionsFlowInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<OptionContractRow> rows = input.Contracts.Where(c => Known(c.Strike) is not null).ToList();
        double? calls = Known(input.CallVolume) ?? Sum(rows, "C", c => c.Volume);
        double? puts = Known(input.PutVolume) ?? Sum(rows, "P", c => c.Volume);
        double? callOi = Known(input.CallOpenInterest) ?? Sum(rows, "C", c => c.OpenInterest);
        double? putOi = Known(input.PutOpenInterest) ?? Sum(rows, "P", c => c.OpenInterest);
        double? avg = Known(input.AvgOptionVolume);
        var notes = new List<string>();

        if (input.OptionsListed == false)
        {
            return Empty(input, "no-options", ["no options are listed on this symbol"]);
        }

        if (calls is null && puts is null && callOi is null && putOi is null && rows.Count == 0)
        {
            return Empty(input, "no-data", ["no option data was received (not subscribed, or no OPRA permission: error 354)"]);
        }

        double? total = calls is null && puts is null ? null : (calls ?? 0) + (puts ?? 0);
        double? totalOi = callOi is null && putOi is null ? null : (callOi ?? 0) + (putOi ?? 0);
        double? pc = calls > 0 && puts is not null ? puts / calls : null;
        double? share = total > 0 && calls is not null ? calls / total : null;
        double? volOi = totalOi > 0 ? total / totalOi : null;
        List<NewPosition> newPositions = [.. rows
            .Where(c => Known(c.Volume) > (Known(c.OpenInterest) ?? 0))
            .OrderByDescending(c => c.Volume)
            .Select(c => new NewPosition(c.Expiry, c.Strike, c.Right, c.Volume!.Value, Known(c.OpenInterest) ?? 0))];
        OptionContractRow? topCall = rows.Where(c => c.Right == "C" && Known(c.Volume) > 0).MaxBy(c => c.Volume);
        OptionContractRow? top = rows.Where(c => Known(c.Volume) > 0).MaxBy(c => c.Volume);

        var signals = new List<FlowSignal>();
        if (calls >= Options.HighCallVolume)
        {
            signals.Add(new("HIGH_CALL_VOLUME", calls.Value, Options.HighCallVolume, Math.Min(1, 0.5 + ((calls.Value - Options.HighCallVolume) / 30_000)), F($"{calls:0} calls traded today (≥ {Options.HighCallVolume:0})")));
        }

        if (pc < Options.LowPutCallRatio && total > Options.LowPutCallMinTotal)
        {
            signals.Add(new("LOW_PC_RATIO", pc.Value, Options.LowPutCallRatio, Math.Min(1, 2 * (Options.LowPutCallRatio - pc.Value)), F($"put/call ratio {pc:0.00} on {total:0} contracts")));
        }

        if (share >= Options.CallConcentrationShare && total > Options.CallConcentrationMinTotal && (top is null || top.Right == "C"))
        {
            string at = topCall is null ? "" : F($", most at the {topCall.Strike:0.##} strike expiring {topCall.Expiry}");
            signals.Add(new("CALL_CONCENTRATION", share.Value * 100, Options.CallConcentrationShare * 100, Math.Min(1, share.Value), F($"calls are {share * 100:0.#}% of option volume{at}")));
        }

        if (total >= Options.HighOptionsVolume)
        {
            signals.Add(new("HIGH_OPTIONS_VOLUME", total.Value, Options.HighOptionsVolume, Math.Min(1, 0.5 + ((total.Value - Options.HighOptionsVolume) / 80_000)), F($"{total:0} option contracts traded today (≥ {Options.HighOptionsVolume:0})")));
        }

        if (volOi > Options.VolumeOverOi)
        {
            signals.Add(new("VOLUME_OVER_OI", volOi.Value, Options.VolumeOverOi, Rising(volOi.Value, Options.VolumeOverOi), F($"today's option volume {total:0} exceeds open interest {totalOi:0} ({volOi:0.00}x)")));
        }

        foreach (NewPosition p in newPositions.Where(p => p.Volume >= Options.MinContractVolume).Take(Options.MaxContractSignals))
        {
            double ratio = p.Volume / Math.Max(1, p.OpenInterest);
            if (ratio > Options.VolumeOverOi)
            {
                signals.Add(new("VOLUME_OVER_OI", ratio, Options.VolumeOverOi, Rising(ratio, Options.VolumeOverOi), F($"{p.Expiry} {p.Strike:0.##}{p.Right}: volume {p.Volume:0} over open interest {p.OpenInterest:0} (new positions)")));
            }
        }

        double? vsAvg = avg > 0 ? total / avg : null;
        if (vsAvg >= Options.VolumeVsAverage)
        {
            signals.Add(new("OPTION_VOLUME_VS_AVG", vsAvg.Value, Options.VolumeVsAverage, Rising(vsAvg.Value, Options.VolumeVsAverage), F($"option volume {total:0} is {vsAvg:0.0}x this symbol's average of {avg:0}")));
        }

        if (calls is null || puts is null || callOi is null || putOi is null || avg is null)
        {
            notes.Add("some underlying option figures were not received (volume, open interest or average option volume)");
        }

        if (rows.Count > 0 && rows.All(c => c.GreeksSource is null))
        {
            notes.Add("greeks were never sent for the drilled-down contracts");
        }

        return new OptionsFlowResult
        {
            Symbol = input.Symbol,
            Score = signals.Count == 0 ? 0 : signals.Max(s => s.Score),
            Signals = signals,
            CallVolume = calls,
            PutVolume = puts,
            CallOpenInterest = callOi,
            PutOpenInterest = putOi,
            PutCallRatio = pc,
            CallShare = share * 100,
            VolumeToOpenInterest = volOi,
            AvgOptionVolume = avg,
            ImpliedVol = Known(input.ImpliedVol) * 100,
            TargetStrike = topCall?.Strike,
            NewPositions = newPositions,
            TopStrikes = [.. rows.Where(c => Known(c.Volume) is not null).OrderByDescending(c => c.Volume).Take(Options.TopStrikes).Select(Clean)],
            DataQuality = input.DataQuality,
            Status = notes.Count == 0 || (notes.Count == 1 && rows.Count > 0 && rows.All(c => c.GreeksSource is null)) ? "ok" : "partial",
            Notes = notes,
        };
    }

    private static double Rising(double value, double threshold) => Math.Min(1, 0.5 + (0.25 * ((value / threshold) - 1)));

    private static double? Known(double? v) => v is { } x && double.IsFinite(x) && x >= 0 ? x : null;

    private static double? Sum(List<OptionContractRow> rows, string right, Func<OptionContractRow, double?> pick)
    {
        var known = rows.Where(c => c.Right == right).Select(c => Known(pick(c))).Where(v => v is not null).ToList();
        return known.Count == 0 ? null : known.Sum();
    }

    private static OptionContractRow Clean(OptionContractRow c) => c with
    {
        OpenInterest = Known(c.OpenInterest),
        ImpliedVol = Known(c.ImpliedVol),
        Delta = Finite(c.Delta),
        Gamma = Finite(c.Gamma),
        Theta = Finite(c.Theta),
        Vega = Finite(c.Vega),
    };

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    private static OptionsFlowResult Empty(OptionsFlowInput input, string status, List<string> notes) => new()
    {
        Symbol = input.Symbol,
        Signals = [],
        NewPositions = [],
        TopStrikes = [],
        DataQuality = input.DataQuality,
        Status = status,
        Notes = notes,
    };

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
