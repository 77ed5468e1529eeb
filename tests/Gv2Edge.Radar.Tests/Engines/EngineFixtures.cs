using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.State;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Radar.Tests.Engines;

/// <summary>Shared builders for the engine tests: New York times, baseline bars, a mutable snapshot store.</summary>
internal static class EngineFixtures
{
    /// <summary>Tuesday 24 November 2026, 10:00 in New York (EST, UTC−5).</summary>
    public static readonly DateTimeOffset TenAm = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(-5));

    /// <summary>A New York time of day on the simulator scenarios' date.</summary>
    public static TimeOnly Et(int h, int m, int s = 0) => new(h, m, s);

    public static FakeTimeProvider ClockAt(DateTimeOffset start) => new(start);

    /// <summary>
    /// 1-minute bars over the five sessions before <see cref="TenAm"/>, 09:30–11:30 New York, volumes alternating
    /// mean − dev / mean + dev and closes alternating price / price + step.
    /// </summary>
    public static List<HistoryBar> MinuteBars(double meanVolume, double volumeDev, double price, double step, int sessions = 5)
    {
        var bars = new List<HistoryBar>();
        for (int day = 1; day <= sessions; day++)
        {
            DateTimeOffset open = TenAm.AddDays(-day).AddMinutes(-30);
            for (int m = 0; m < 120; m++)
            {
                bool even = m % 2 == 0;
                double close = even ? price : price + step;
                double volume = even ? meanVolume - volumeDev : meanVolume + volumeDev;
                bars.Add(new HistoryBar(open.AddMinutes(m), TimeSpan.FromMinutes(1), close, close, close, close, volume));
            }
        }

        return bars;
    }

    public static SymbolSnapshot Snapshot(string symbol, double last, double cumulativeVolume, double bid = double.NaN, double ask = double.NaN) => new()
    {
        Symbol = symbol,
        Time = TenAm,
        Session = "RTH",
        Last = last,
        Bid = double.IsNaN(bid) ? last - 0.01 : bid,
        Ask = double.IsNaN(ask) ? last + 0.01 : ask,
        CumulativeVolume = cumulativeVolume,
        Vwap = last,
        PrevClose = last,
        DataQuality = "live",
        DayHigh = last,
        DayLow = last,
    };

    public static TickerSample Sample(DateTimeOffset time, double price, double volume, double seconds = 60, double spreadPct = 0.2) =>
        new(time, price, volume, seconds, double.NaN, double.NaN, spreadPct, double.NaN, double.NaN, "RTH", "live");
}

/// <summary>A state store stand-in holding one mutable snapshot per symbol (what the real store exposes).</summary>
internal sealed class SnapshotStore : ISnapshotSource
{
    private readonly Dictionary<string, SymbolSnapshot> _snapshots = new(StringComparer.Ordinal);

    public Func<string, bool>? Throws { get; set; }

    public void Set(SymbolSnapshot snapshot) => _snapshots[snapshot.Symbol] = snapshot;

    public SymbolSnapshot Get(string symbol) => _snapshots[symbol];

    public IEnumerable<SymbolSnapshot> GetSnapshots() => _snapshots.Values.ToList();
}
