namespace Gv2Edge.Tws.Simulator.Scenarios;

/// <summary>
/// The shipped scenarios. All run on Tuesday 2026-11-24 (an ordinary trading day in Thanksgiving week: the 26th is a
/// holiday and the 27th a half-day, handy for calendar checks). Every description says what a correct radar reports.
/// </summary>
public static class BuiltInScenarios
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    /// <summary>Names of the built-in scenarios.</summary>
    public static IReadOnlyList<string> Names => [.. All.Keys];

    private static Dictionary<string, Scenario> All { get; } = Build();

    /// <summary>A built-in by name (case-insensitive), else a JSON file path.</summary>
    /// <exception cref="ArgumentException">Neither a built-in name nor a readable scenario file.</exception>
    public static Scenario Resolve(string nameOrPath)
    {
        if (All.TryGetValue(nameOrPath, out Scenario? builtIn))
        {
            return builtIn;
        }

        if (File.Exists(nameOrPath))
        {
            return ScenarioFile.Load(nameOrPath);
        }

        throw new ArgumentException(
            $"Scenario \"{nameOrPath}\" is neither a built-in ({string.Join(", ", All.Keys)}) nor an existing JSON file.");
    }

    private static DateTime At(int h, int m, int s = 0) => Day.ToDateTime(new TimeOnly(h, m, s));

    private static Dictionary<string, Scenario> Build()
    {
        var list = new[]
        {
            new Scenario("quiet",
                "No scripted events: the random walk only. A correct radar reports nothing unusual (no spikes, gaps or halts).",
                At(9, 25), []),
            new Scenario("demo",
                "A busy open. Pre-market: SOUN gaps up 9% at 09:25:30 on 8x volume (GAP in `edge gaps`, VOLUME_SPIKE in PRE). "
                + "09:31 NVDA surges +4% in 4 min (PRICE_SURGE). 09:33 BBAI's spread tightens 4x for 3 min with deeper books "
                + "(SPREAD_TIGHTENING; a one-cent spread such as AMD's cannot narrow). 09:35 TSLA breaks its day high by 1% (NEW_HIGH). "
                + "09:36 SOFI drifts up 1.5% in 5 min: a near miss, no PRICE_SURGE (half the threshold, so the random walk cannot carry it over 3%). 09:38 RGTI halts for 5 min (HALTED) and "
                + "resumes +15% (RESUMED, PRICE_SURGE). 09:40 AAPL: 8,000 calls trade at the first strike above the starting "
                + "price, nearest expiry (HIGH_CALL_VOLUME, CALL_CONCENTRATION in `edge flow`; the strike's open interest stays above the burst). 09:45 MARA trades "
                + "10x normal volume for 5 min (VOLUME_SPIKE). 09:50 PLTR drops 4% in 3 min (PRICE_DROP).",
                At(9, 25),
                [
                    new ScenarioEvent(At(9, 25), "SOUN", ScenarioEventKind.VolumeBurst, Multiplier: 8, Duration: TimeSpan.FromMinutes(10)),
                    new ScenarioEvent(At(9, 25, 30), "SOUN", ScenarioEventKind.Gap, Percent: 9),
                    new ScenarioEvent(At(9, 31), "NVDA", ScenarioEventKind.PriceSurge, Percent: 4, Duration: TimeSpan.FromMinutes(4)),
                    new ScenarioEvent(At(9, 33), "BBAI", ScenarioEventKind.SpreadTightening, Multiplier: 4, Duration: TimeSpan.FromMinutes(3)),
                    new ScenarioEvent(At(9, 35), "TSLA", ScenarioEventKind.NewHigh, Percent: 1),
                    new ScenarioEvent(At(9, 36), "SOFI", ScenarioEventKind.PriceSurge, Percent: 1.5, Duration: TimeSpan.FromMinutes(5)),
                    new ScenarioEvent(At(9, 38), "RGTI", ScenarioEventKind.Halt, Percent: 15, Duration: TimeSpan.FromMinutes(5)),
                    new ScenarioEvent(At(9, 40), "AAPL", ScenarioEventKind.CallVolumeBurst, Contracts: 8000, Duration: TimeSpan.FromMinutes(5)),
                    new ScenarioEvent(At(9, 45), "MARA", ScenarioEventKind.VolumeBurst, Multiplier: 10, Duration: TimeSpan.FromMinutes(5)),
                    new ScenarioEvent(At(9, 50), "PLTR", ScenarioEventKind.PriceSurge, Percent: -4, Duration: TimeSpan.FromMinutes(3)),
                ]),
            new Scenario("gap-up",
                "Pre-market gap: SOUN jumps 12% at 04:00:30 with 3x volume for 5 min. A correct radar lists SOUN in `edge gaps "
                + "--session pre` with gapPct about +12 against the previous close, and nothing else above 3%.",
                At(4, 0),
                [new ScenarioEvent(At(4, 0, 30), "SOUN", ScenarioEventKind.Gap, Percent: 12)]),
            new Scenario("volume-burst",
                "AMD trades 10x its usual volume from 09:35 for 5 min (price unchanged on average). A correct radar reports one "
                + "VOLUME_SPIKE for AMD shortly after 09:35, then a 60 s cooldown.",
                At(9, 30),
                [new ScenarioEvent(At(9, 35), "AMD", ScenarioEventKind.VolumeBurst, Multiplier: 10)]),
            new Scenario("price-surge",
                "NVDA rises 3% between 09:35 and 09:37 on 4x volume. A correct radar reports PRICE_SURGE for NVDA (and usually "
                + "VOLUME_SPIKE).",
                At(9, 30),
                [new ScenarioEvent(At(9, 35), "NVDA", ScenarioEventKind.PriceSurge, Percent: 3, Duration: TimeSpan.FromMinutes(2))]),
            new Scenario("spread-tightening",
                "AAPL's spread shrinks 4x from 09:35 for 3 min while displayed sizes grow 4x. A correct radar reports "
                + "SPREAD_TIGHTENING for AAPL (the spread falls well below its 60 s average with >= 100 shares a side).",
                At(9, 30),
                [new ScenarioEvent(At(9, 35), "AAPL", ScenarioEventKind.SpreadTightening, Multiplier: 4, Duration: TimeSpan.FromMinutes(3))]),
            new Scenario("new-high",
                "TSLA climbs 1% above its day high within a minute from 09:40. A correct radar reports NEW_HIGH (session RTH) for TSLA.",
                At(9, 30),
                [new ScenarioEvent(At(9, 40), "TSLA", ScenarioEventKind.NewHigh, Percent: 1)]),
            new Scenario("halt",
                "RGTI halts at 09:35 (tick 49 = 1, no trades, frozen quotes) and resumes at 09:40 10% higher on heavy volume. A "
                + "correct radar reports HALTED at 09:35 and RESUMED at 09:40 (then PRICE_SURGE / VOLUME_SPIKE).",
                At(9, 30),
                [new ScenarioEvent(At(9, 35), "RGTI", ScenarioEventKind.Halt, Percent: 10, Duration: TimeSpan.FromMinutes(5))]),
            new Scenario("call-burst",
                "10,000 AAPL calls trade between 09:35 and 09:40 at the first strike above the starting price, nearest expiry. A "
                + "correct options-flow scan ranks that strike first in topStrikes, with HIGH_CALL_VOLUME (its open interest, about 40,000, stays above the burst: no VOLUME_OVER_OI).",
                At(9, 30),
                [new ScenarioEvent(At(9, 35), "AAPL", ScenarioEventKind.CallVolumeBurst, Contracts: 10_000)]),
            new Scenario("put-heavy",
                "A put-heavy day on PYPL: 20,000 puts trade between 09:35 and 09:40 at the first strike below the starting price, "
                + "nearest expiry. A correct options-flow scan reports HIGH_OPTIONS_VOLUME and VOLUME_OVER_OI on that put, a "
                + "put/call ratio above 1 and none of the bullish signals (HIGH_CALL_VOLUME, LOW_PC_RATIO, CALL_CONCENTRATION).",
                At(9, 30),
                [new ScenarioEvent(At(9, 35), "PYPL", ScenarioEventKind.PutVolumeBurst, Contracts: 20_000)]),
            // The acceleration engine's golden scenarios (docs/ENGINES.md). Each minute's volume is a one-minute
            // VolumeBurst; an event listed after another at the same instant overrides its volume multiple.
            new Scenario("accumulation-breakout",
                "ROKU (small cap, $3.10) is quiet until 11:05, then its volume builds minute by minute while the price holds "
                + "(1.3x, 1.6x, 2x, 2.5x normal from 11:05 to 11:09), edges up 0.4% at 11:09 on 3.2x volume, breaks out +3% "
                + "from 11:10 to 11:12 on 5x volume and holds on normal volume from 11:12. A correct acceleration engine (1-minute "
                + "samples, the 11:07 sample covering 11:06-11:07) reads DORMANT, ACCUMULATING while the volume builds (from "
                + "11:06), LAUNCHING once the price lifts on accelerating volume (about 11:09-11:11), BREAKOUT when the move "
                + "shows in price and volume z-scores (about 11:12), then DORMANT; it alerts ACCUMULATING, PRE_LAUNCH and "
                + "BREAKOUT, each at most once per cooldown (60/30/15 s), and the small-cap radar shows a CRITICAL BREAKOUT blip.",
                At(10, 55),
                [
                    new ScenarioEvent(At(11, 5), "ROKU", ScenarioEventKind.VolumeBurst, Multiplier: 1.3, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 6), "ROKU", ScenarioEventKind.VolumeBurst, Multiplier: 1.6, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 7), "ROKU", ScenarioEventKind.VolumeBurst, Multiplier: 2.0, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 8), "ROKU", ScenarioEventKind.VolumeBurst, Multiplier: 2.5, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 9), "ROKU", ScenarioEventKind.PriceSurge, Percent: 0.4, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 9), "ROKU", ScenarioEventKind.VolumeBurst, Multiplier: 3.2, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 10), "ROKU", ScenarioEventKind.PriceSurge, Percent: 3, Duration: TimeSpan.FromMinutes(2)),
                    new ScenarioEvent(At(11, 10), "ROKU", ScenarioEventKind.VolumeBurst, Multiplier: 5, Duration: TimeSpan.FromMinutes(2)),
                ]),
            new Scenario("slow-creep",
                "BLNK ($5.10) creeps up about 7 cents (+1.4%) between 11:00 and 11:20 on ordinary volume (the surge's extra "
                + "volume is cancelled by a 1x burst). The original engine called such a creep LAUNCHING; a correct one stays "
                + "DORMANT throughout, raises no ACCELERATION alert and no radar blip above LOW.",
                At(10, 55),
                [
                    new ScenarioEvent(At(11, 0), "BLNK", ScenarioEventKind.PriceSurge, Percent: 1.4, Duration: TimeSpan.FromMinutes(20)),
                    new ScenarioEvent(At(11, 0), "BLNK", ScenarioEventKind.VolumeBurst, Multiplier: 1, Duration: TimeSpan.FromMinutes(20)),
                ]),
            new Scenario("exhaustion",
                "VALE ($10.38) runs +2.5% at 11:05 and +2% at 11:06 on 5x then 6x volume (BREAKOUT), then keeps rising more "
                + "slowly while its volume collapses: +1.2% on 3x at 11:07, +0.8% on 1.5x at 11:08, then normal. A correct "
                + "acceleration engine (1-minute samples) reads BREAKOUT (11:06-11:07), EXHAUSTED from 11:08 (the price still "
                + "rising faster than 0.5%/min but slowing, on falling volume), then DORMANT, and raises no alert while EXHAUSTED.",
                At(10, 55),
                [
                    new ScenarioEvent(At(11, 5), "VALE", ScenarioEventKind.PriceSurge, Percent: 2.5, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 5), "VALE", ScenarioEventKind.VolumeBurst, Multiplier: 5, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 6), "VALE", ScenarioEventKind.PriceSurge, Percent: 2, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 6), "VALE", ScenarioEventKind.VolumeBurst, Multiplier: 6, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 7), "VALE", ScenarioEventKind.PriceSurge, Percent: 1.2, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 7), "VALE", ScenarioEventKind.VolumeBurst, Multiplier: 3, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 8), "VALE", ScenarioEventKind.PriceSurge, Percent: 0.8, Duration: TimeSpan.FromMinutes(1)),
                    new ScenarioEvent(At(11, 8), "VALE", ScenarioEventKind.VolumeBurst, Multiplier: 1.5, Duration: TimeSpan.FromMinutes(1)),
                ]),
            new Scenario("same-volume",
                "From 11:05 for 5 min GOEV (about 1.6 M shares a day) trades 3.4x its usual volume, which is about what BLNK "
                + "(about 5.5 M a day) trades every minute; neither price moves on average. A correct acceleration engine judges "
                + "each against its own history: GOEV's volume z-score is far above 2 (ACCUMULATING at the start of the "
                + "burst), BLNK's stays near 0 and BLNK stays DORMANT.",
                At(10, 55),
                [new ScenarioEvent(At(11, 5), "GOEV", ScenarioEventKind.VolumeBurst, Multiplier: 3.4)]),
        };
        return list.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    }
}
