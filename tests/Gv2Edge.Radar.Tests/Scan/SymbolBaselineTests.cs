using Gv2Edge.Market;
using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Scan;
using Xunit;

namespace Gv2Edge.Radar.Tests.Scan;

public sealed class SymbolBaselineTests
{
    private static readonly UsEquityCalendar Calendar = new();
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    /// <summary>Half-hour bars 04:00–20:00 on <paramref name="day"/>: 100 shares a bar before 09:30, 1,000 in RTH, 10 after; RTH range <paramref name="range"/>.</summary>
    private static IEnumerable<HistoryBar> Session(DateOnly day, double range)
    {
        for (int i = 0; i < 32; i++)
        {
            TimeOnly t = new TimeOnly(4, 0).Add(HalfHour * i);
            bool rth = t >= new TimeOnly(9, 30) && t < new TimeOnly(16, 0);
            double volume = t < new TimeOnly(9, 30) ? 100 : rth ? 1000 : 10;
            yield return new HistoryBar(ExchangeTime.At(day, t), HalfHour, 10, rth ? 10 + range : 10, 10, 10, volume);
        }
    }

    private static List<HistoryBar> Sessions(DateOnly today, int count, double range)
    {
        var bars = new List<HistoryBar>();
        DateOnly d = today;
        for (int i = 0; i < count; i++)
        {
            d = Calendar.PreviousTradingDay(d);
            bars.AddRange(Session(d, range));
        }

        bars.AddRange(Session(today, range * 10));
        return bars;
    }

    [Fact]
    public void Slot_averages_and_ATR_come_from_the_sessions_before_the_trading_day_only()
    {
        var today = new DateOnly(2026, 11, 24);

        SymbolBaseline b = SymbolBaseline.FromHalfHourBars(Sessions(today, 25, range: 0.5), today, Calendar, sessions: 20, atrPeriod: 14);

        Assert.Equal(20, b.Sessions);
        Assert.Equal(0.5, b.Atr!.Value, 9);
        Assert.Equal(100, b.SlotVolumes[0]);
        Assert.Equal(1000, b.SlotVolumes[11]);
        Assert.Equal(10, b.SlotVolumes[31]);
    }

    [Fact]
    public void Average_volume_to_a_time_counts_whole_half_hours_and_the_current_one_pro_rata()
    {
        var today = new DateOnly(2026, 11, 24);
        SymbolBaseline b = SymbolBaseline.FromHalfHourBars(Sessions(today, 20, range: 0.5), today, Calendar);

        // 04:00–09:30 is 11 pre-market bars of 100; 09:30–10:15 is 1.5 RTH bars of 1,000.
        Assert.Equal(1100 + 1500, b.AverageVolumeTo(ExchangeTime.At(today, new TimeOnly(10, 15)), includeExtended: true)!.Value, 6);
        Assert.Equal(1500, b.AverageVolumeTo(ExchangeTime.At(today, new TimeOnly(10, 15)), includeExtended: false)!.Value, 6);
        Assert.Equal(1100 + 13_000 + 80, b.AverageVolumeTo(ExchangeTime.At(today, new TimeOnly(20, 0)), includeExtended: true)!.Value, 6);
        // Nothing is traded in regular hours by 08:00: zero, which the scorer treats as no baseline.
        Assert.Equal(0, b.AverageVolumeTo(ExchangeTime.At(today, new TimeOnly(8, 0)), includeExtended: false));
    }

    [Fact]
    public void Too_few_sessions_leave_the_ATR_unknown_and_no_session_leaves_the_volume_baseline_unknown()
    {
        var today = new DateOnly(2026, 11, 24);

        SymbolBaseline few = SymbolBaseline.FromHalfHourBars(Sessions(today, 5, 0.5), today, Calendar);
        SymbolBaseline none = SymbolBaseline.FromHalfHourBars(Session(today, 1), today, Calendar);

        Assert.Null(few.Atr);
        Assert.Equal(5, few.Sessions);
        Assert.Equal(0, none.Sessions);
        Assert.Null(none.AverageVolumeTo(ExchangeTime.At(today, new TimeOnly(12, 0)), includeExtended: true));
    }

    [Fact]
    public void Disk_cache_round_trips_a_trading_day_and_ignores_other_days_other_settings_and_damaged_files()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"edge-radar-cache-{Guid.NewGuid():N}");
        var day = new DateOnly(2026, 11, 24);
        try
        {
            var baseline = new SymbolBaseline { Atr = 0.25, Sessions = 20, SlotVolumes = [.. Enumerable.Range(0, 32).Select(i => (double)i)] };
            var cache = new BaselineDiskCache(dir, day, "v1");
            cache.Set("SOUN", new CachedSymbol(1, "NASDAQ", baseline));
            cache.Set("ZZZZQ", new CachedSymbol(0, "", null, 200, "unknown"));
            Assert.Null(cache.Save());

            var again = new BaselineDiskCache(dir, day, "v1");
            Assert.Equal(2, again.Count);
            Assert.Equal(0.25, again.Get("soun")!.Baseline!.Atr);
            Assert.Equal(baseline.SlotVolumes, again.Get("SOUN")!.Baseline!.SlotVolumes);
            Assert.Equal(200, again.Get("ZZZZQ")!.UnknownCode);
            Assert.Equal(0, new BaselineDiskCache(dir, day.AddDays(-1), "v1").Count);
            Assert.Equal(0, new BaselineDiskCache(dir, day, "v2").Count);

            File.WriteAllText(again.FilePath!, "{ not json");
            var damaged = new BaselineDiskCache(dir, day, "v1");
            Assert.Equal(0, damaged.Count);
            Assert.NotNull(damaged.LoadProblem);
            Assert.True(File.Exists(again.FilePath + ".corrupt"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_new_day_starts_with_the_last_days_contracts_but_not_its_baselines_or_unknown_answers()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"edge-radar-cache-{Guid.NewGuid():N}");
        var day = new DateOnly(2026, 11, 20);
        try
        {
            var baseline = new SymbolBaseline { Atr = 0.25, Sessions = 20, SlotVolumes = new double[SymbolBaseline.Slots] };
            var older = new BaselineDiskCache(dir, day.AddDays(-1), "v0");
            older.Set("SOUN", new CachedSymbol(7, "ARCA", baseline));
            older.Set("AMD", new CachedSymbol(9, "NASDAQ", baseline));
            Assert.Null(older.Save());
            var friday = new BaselineDiskCache(dir, day, "v1");
            Assert.Equal(2, friday.CarriedContracts);
            friday.Set("SOUN", new CachedSymbol(1, "NASDAQ", baseline));
            friday.Set("ZZZZQ", new CachedSymbol(0, "", null, 200, "unknown"));
            Assert.Null(friday.Save());

            var monday = new BaselineDiskCache(dir, day.AddDays(3), "v2");

            // The latest earlier file (which carried AMD on), whatever its settings.
            Assert.Equal(2, monday.CarriedContracts);
            Assert.Equal(new CachedSymbol(1, "NASDAQ", null), monday.Get("SOUN"));
            Assert.Equal(new CachedSymbol(9, "NASDAQ", null), monday.Get("AMD"));
            Assert.Null(monday.Get("ZZZZQ"));
            Assert.Equal(0, new BaselineDiskCache(dir, day.AddDays(8), "v1").Count);
            Assert.Equal(0, new BaselineDiskCache(null, day.AddDays(1), "v1").Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
