using System.Globalization;
using System.Text.Json.Nodes;
using Gv2Edge.Radar.Flow;

namespace Gv2Edge.Cli.Commands;

public static partial class FlowCommand
{
    /// <summary>
    /// One symbol's <c>edge flow --json</c> object, fields in the contract's order, then <c>status</c> and <c>notes</c>
    /// (why data is missing). Percentages (callShare, impliedVol, a contract's impliedVol) are percent; unknown is null.
    /// </summary>
    public static JsonObject Node(OptionsFlowResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var signals = new JsonArray();
        foreach (FlowSignal s in r.Signals)
        {
            signals.Add(new JsonObject
            {
                ["type"] = s.Type,
                ["value"] = Round(s.Value, 4),
                ["threshold"] = Round(s.Threshold, 4),
                ["score"] = Round(s.Score, 4),
                ["reason"] = s.Reason,
            });
        }

        var newPositions = new JsonArray();
        foreach (NewPosition p in r.NewPositions)
        {
            newPositions.Add(ContractNode(p.Expiry, p.Strike, p.Right, p.Volume, p.OpenInterest));
        }

        var top = new JsonArray();
        foreach (OptionContractRow c in r.TopStrikes)
        {
            JsonObject node = ContractNode(c.Expiry, c.Strike, c.Right, c.Volume, c.OpenInterest);
            node["impliedVol"] = Round(c.ImpliedVol * 100, 4);
            node["delta"] = Round(c.Delta, 6);
            node["gamma"] = Round(c.Gamma, 6);
            node["theta"] = Round(c.Theta, 6);
            node["vega"] = Round(c.Vega, 6);
            node["greeksSource"] = c.GreeksSource;
            top.Add(node);
        }

        var notes = new JsonArray();
        foreach (string n in r.Notes)
        {
            notes.Add(n);
        }

        return new JsonObject
        {
            ["symbol"] = r.Symbol,
            ["score"] = Round(r.Score, 4),
            ["signals"] = signals,
            ["callVolume"] = Round(r.CallVolume, 0),
            ["putVolume"] = Round(r.PutVolume, 0),
            ["callOpenInterest"] = Round(r.CallOpenInterest, 0),
            ["putOpenInterest"] = Round(r.PutOpenInterest, 0),
            ["putCallRatio"] = Round(r.PutCallRatio, 4),
            ["callShare"] = Round(r.CallShare, 2),
            ["volumeToOpenInterest"] = Round(r.VolumeToOpenInterest, 4),
            ["avgOptionVolume"] = Round(r.AvgOptionVolume, 0),
            ["impliedVol"] = Round(r.ImpliedVol, 2),
            ["targetStrike"] = Round(r.TargetStrike, 4),
            ["newPositions"] = newPositions,
            ["topStrikes"] = top,
            ["dataQuality"] = r.DataQuality,
            ["status"] = r.Status,
            ["notes"] = notes,
        };
    }

    private static JsonObject ContractNode(string expiry, double strike, string right, double? volume, double? openInterest) => new()
    {
        ["expiry"] = expiry,
        ["strike"] = Round(strike, 4),
        ["right"] = right,
        ["volume"] = Round(volume, 0),
        ["openInterest"] = Round(openInterest, 0),
    };

    private static void WriteTable(TextWriter o, IReadOnlyList<FlowScanEntry> entries, OptionsFlowService service)
    {
        o.WriteLine(F($"{"SYMBOL",-7}{"SCORE",6} {"CALLS",9} {"PUTS",9} {"P/C",6} {"CALL%",6} {"VOL/OI",7} {"IV%",6} {"TARGET",8}  {"STATUS",-13} SIGNALS"));
        foreach (FlowScanEntry e in entries)
        {
            if (e.Error is { } error)
            {
                o.WriteLine($"{e.Symbol,-7}error {error.Code}: {error.Message}");
                continue;
            }

            OptionsFlowResult r = e.Result!;
            o.WriteLine(F($"{r.Symbol,-7}{r.Score,6:0.00} {N(r.CallVolume, "#,0"),9} {N(r.PutVolume, "#,0"),9} {N(r.PutCallRatio, "0.00"),6} {N(r.CallShare, "0.0"),6} {N(r.VolumeToOpenInterest, "0.00"),7} {N(r.ImpliedVol, "0.0"),6} {N(r.TargetStrike, "0.##"),8}  {r.Status,-13} {string.Join(",", r.Signals.Select(s => s.Type).Distinct())}"));
        }

        foreach (OptionsFlowResult r in entries.Select(e => e.Result).OfType<OptionsFlowResult>().Where(r => r.Signals.Count > 0 || r.TopStrikes.Count > 0 || r.Notes.Count > 0))
        {
            o.WriteLine();
            o.WriteLine($"{r.Symbol} [{r.DataQuality}]");
            foreach (FlowSignal s in r.Signals)
            {
                o.WriteLine(F($"  {s.Type,-21} {s.Score,4:0.00}  {s.Reason}"));
            }

            foreach (OptionContractRow c in r.TopStrikes.Take(5))
            {
                o.WriteLine(F($"  {c.Expiry} {c.Strike,8:0.##}{c.Right}  vol {N(c.Volume, "#,0"),8}  OI {N(c.OpenInterest, "#,0"),8}  IV {N(c.ImpliedVol * 100, "0.0"),5}%  delta {N(c.Delta, "0.00"),5}  ({c.GreeksSource ?? "no greeks"})"));
            }

            foreach (string n in r.Notes)
            {
                o.WriteLine($"  note: {n}");
            }
        }

        o.WriteLine();
        o.WriteLine(F($"Lines: at most {service.PeakLines} held at once (limit {service.LineCapacity}), {service.LinesOpened} opened."));
        o.WriteLine(Limits);
    }

    private static double? Round(double? v, int digits) => v is { } d && double.IsFinite(d) ? Math.Round(d, digits) : null;

    private static string N(double? v, string format) => v is { } d && double.IsFinite(d) ? d.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
