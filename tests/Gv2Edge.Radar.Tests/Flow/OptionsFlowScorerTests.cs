using Gv2Edge.Radar.Flow;
using Xunit;

namespace Gv2Edge.Radar.Tests.Flow;

public class OptionsFlowScorerTests
{
    private readonly OptionsFlowScorer _scorer = new();

    private static OptionContractRow Row(double strike, string right, double volume, double oi, string? greeks = "ib") => new()
    {
        Expiry = "20261218",
        Strike = strike,
        Right = right,
        Volume = volume,
        OpenInterest = oi,
        ImpliedVol = 0.8,
        Delta = right == "C" ? 0.4 : -0.4,
        GreeksSource = greeks,
    };

    [Fact]
    public void A_call_volume_burst_at_one_strike_names_the_target_and_the_new_positions()
    {
        var input = new OptionsFlowInput
        {
            Symbol = "BURST",
            CallVolume = 12_000,
            PutVolume = 2_000,
            CallOpenInterest = 8_000,
            PutOpenInterest = 6_000,
            AvgOptionVolume = 4_000,
            ImpliedVol = 0.85,
            Contracts = [Row(10, "C", 2_000, 5_000), Row(12.5, "C", 9_000, 1_500), Row(15, "C", 1_000, 1_500), Row(10, "P", 2_000, 6_000)],
        };

        OptionsFlowResult r = _scorer.Score(input);

        var scores = r.Signals.ToDictionary(s => s.Type, s => s.Score);
        Assert.Equal(0.5 + (7_000.0 / 30_000), scores["HIGH_CALL_VOLUME"], 12);
        Assert.Equal(2 * (0.5 - (2_000.0 / 12_000)), scores["LOW_PC_RATIO"], 12);
        Assert.Equal(12_000.0 / 14_000, scores["CALL_CONCENTRATION"], 12);
        Assert.Equal(0.5 + (4_000.0 / 80_000), scores["HIGH_OPTIONS_VOLUME"], 12);
        Assert.Equal(0.5 + (0.25 * ((3.5 / 2) - 1)), scores["OPTION_VOLUME_VS_AVG"], 12);
        FlowSignal perContract = Assert.Single(r.Signals, s => s.Type == "VOLUME_OVER_OI");  // overall 14,000/14,000 is not above 1
        Assert.Equal(6, perContract.Value, 12);
        Assert.Equal(1, perContract.Score, 12);
        Assert.Contains("12.5C", perContract.Reason, StringComparison.Ordinal);
        Assert.Equal(1, r.Score);
        Assert.Equal(12.5, r.TargetStrike);
        Assert.Equal([new NewPosition("20261218", 12.5, "C", 9_000, 1_500)], r.NewPositions);
        Assert.Equal(2_000.0 / 12_000, r.PutCallRatio!.Value, 12);
        Assert.Equal(12_000.0 / 14_000 * 100, r.CallShare!.Value, 9);
        Assert.Equal(85, r.ImpliedVol!.Value, 9);
        Assert.Equal([12.5, 10, 10, 15], r.TopStrikes.Select(t => t.Strike));
        Assert.Equal("ok", r.Status);
        Assert.All(r.Signals, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    [Fact]
    public void A_put_heavy_day_raises_no_bullish_signal()
    {
        OptionsFlowResult r = _scorer.Score(new OptionsFlowInput
        {
            Symbol = "PUTS",
            CallVolume = 3_000,
            PutVolume = 12_000,
            CallOpenInterest = 50_000,
            PutOpenInterest = 60_000,
            AvgOptionVolume = 20_000,
        });

        Assert.Equal(["HIGH_OPTIONS_VOLUME"], r.Signals.Select(s => s.Type));
        Assert.Equal(0.5 + (5_000.0 / 80_000), r.Score, 12);
        Assert.Equal(4, r.PutCallRatio!.Value, 12);
        Assert.Equal(20, r.CallShare!.Value, 9);
        Assert.Null(r.TargetStrike);
    }

    [Fact]
    public void A_quiet_symbol_with_no_options_gets_a_clear_status_and_nulls()
    {
        OptionsFlowResult none = _scorer.Score(new OptionsFlowInput { Symbol = "QUIET", OptionsListed = false, CallVolume = double.NaN });
        OptionsFlowResult silent = _scorer.Score(new OptionsFlowInput { Symbol = "SILENT" });

        Assert.Equal("no-options", none.Status);
        Assert.Equal(0, none.Score);
        Assert.Empty(none.Signals);
        Assert.Null(none.CallVolume);
        Assert.Null(none.PutCallRatio);
        Assert.Equal("no-data", silent.Status);
        Assert.Contains("354", silent.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_call_volume_the_put_call_ratio_is_null_not_999()
    {
        OptionsFlowResult r = _scorer.Score(new OptionsFlowInput { Symbol = "P", CallVolume = 0, PutVolume = 500, CallOpenInterest = 10, PutOpenInterest = 10, AvgOptionVolume = 1_000 });

        Assert.Null(r.PutCallRatio);
        Assert.Equal(0, r.CallShare);
        Assert.DoesNotContain(r.Signals, s => s.Type == "LOW_PC_RATIO");
    }

    [Fact]
    public void A_quiet_small_cap_is_judged_on_its_own_average_option_volume()
    {
        OptionsFlowResult r = _scorer.Score(new OptionsFlowInput { Symbol = "SMALL", CallVolume = 300, PutVolume = 100, CallOpenInterest = 2_000, PutOpenInterest = 1_000, AvgOptionVolume = 150 });

        FlowSignal s = Assert.Single(r.Signals);
        Assert.Equal("OPTION_VOLUME_VS_AVG", s.Type);
        Assert.Equal(400.0 / 150, s.Value, 12);
        Assert.Equal(0.5 + (0.25 * ((400.0 / 150 / 2) - 1)), r.Score, 12);
    }

    [Fact]
    public void Overall_volume_above_open_interest_is_a_signal()
    {
        OptionsFlowResult r = _scorer.Score(new OptionsFlowInput { Symbol = "NEW", CallVolume = 600, PutVolume = 300, CallOpenInterest = 200, PutOpenInterest = 100, AvgOptionVolume = 10_000 });

        FlowSignal s = Assert.Single(r.Signals);
        Assert.Equal("VOLUME_OVER_OI", s.Type);
        Assert.Equal(3, s.Value, 12);
        Assert.Equal(1, s.Score, 12);
        Assert.Equal(3, r.VolumeToOpenInterest!.Value, 12);
    }

    [Fact]
    public void Greeks_never_sent_are_noted_and_nan_figures_become_null()
    {
        OptionsFlowResult r = _scorer.Score(new OptionsFlowInput
        {
            Symbol = "NOGREEKS",
            CallVolume = 100,
            PutVolume = 100,
            CallOpenInterest = double.NaN,
            PutOpenInterest = 1_000,
            AvgOptionVolume = 1_000,
            Contracts = [Row(5, "C", 100, 50, greeks: null) with { Delta = double.NaN }],
        });

        Assert.Contains(r.Notes, n => n.Contains("greeks", StringComparison.Ordinal));
        Assert.Null(r.TopStrikes[0].Delta);                            // NaN delta → null
        Assert.Equal(50, r.CallOpenInterest);                          // summed from the contract rows
        Assert.Equal("ok", r.Status);
    }

    [Fact]
    public void Ten_calls_and_no_puts_is_not_a_call_concentration()
    {
        OptionsFlowResult r = _scorer.Score(new OptionsFlowInput { Symbol = "TINY", CallVolume = 10, PutVolume = 0, CallOpenInterest = 100, PutOpenInterest = 100, AvgOptionVolume = 100 });

        Assert.Empty(r.Signals);
        Assert.Equal(0, r.Score);
    }
}
