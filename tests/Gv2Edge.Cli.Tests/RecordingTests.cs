using Gv2Edge.Cli.Recording;
using Gv2Edge.Radar.State;
using Xunit;

namespace Gv2Edge.Cli.Tests;

/// <summary>The level-1 recording format: exact round trip, cut-short files, foreign files.</summary>
public sealed class RecordingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 14, 25, 0, TimeSpan.Zero);

    [Fact]
    public void Recorded_ticks_read_back_bit_for_bit_with_their_times()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        string path = dir.File("r.gv2t");
        List<(string Symbol, QuoteTick Tick)> written = RandomTicks(seed: 7, count: 3000);
        using (TickRecorder rec = TickRecorder.Create(path, T0, new Dictionary<string, object?> { ["command"] = "test" }))
        {
            foreach ((string symbol, QuoteTick tick) in written)
            {
                rec.WriteTick(SymbolIndex(symbol), symbol, in tick);
            }

            rec.WriteBaseline("GME", new DateOnly(2026, 11, 24), 12_345_678.9, T0.AddHours(1));
            rec.WriteStale("AMC", T0.AddHours(1).AddSeconds(1));
            rec.WriteReconnected(T0.AddHours(1).AddSeconds(2));
        }

        using TickFileReader reader = TickFileReader.Open(path);
        List<TickFileRecord> read = [.. reader.Records()];

        Assert.False(reader.Truncated);
        Assert.Equal("test", reader.Metadata["command"].GetString());
        Assert.Equal(written.Count + 3, read.Count);
        for (int i = 0; i < written.Count; i++)
        {
            Assert.Equal(TickFileFormat.Tag.Tick, read[i].Kind);
            Assert.Equal(written[i].Symbol, read[i].Symbol);
            AssertSame(written[i].Tick, read[i].Tick, i);
        }

        TickFileRecord baseline = read[^3];
        Assert.Equal((TickFileFormat.Tag.Baseline, "GME", new DateOnly(2026, 11, 24), 12_345_678.9), (baseline.Kind, baseline.Symbol, baseline.Day, baseline.AverageDailyVolume));
        Assert.Equal((TickFileFormat.Tag.Stale, "AMC", T0.AddHours(1).AddSeconds(1)), (read[^2].Kind, read[^2].Symbol, read[^2].Time));
        Assert.Equal((TickFileFormat.Tag.Reconnected, T0.AddHours(1).AddSeconds(2)), (read[^1].Kind, read[^1].Time));
    }

    [Fact]
    public void Ticks_that_change_little_cost_a_few_bytes_each()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        string path = dir.File("r.gv2t");
        long header;
        using (TickRecorder rec = TickRecorder.Create(path, T0, new Dictionary<string, object?>()))
        {
            QuoteTick tick = QuoteTick.Empty(T0) with { Bid = 10.00, Ask = 10.01, Last = 10.00, BidSize = 500, AskSize = 300, CumulativeVolume = 1_000_000 };
            rec.WriteTick(0, "SOFI", in tick);
            header = rec.Bytes;
            for (int i = 1; i <= 1000; i++)
            {
                // A trade: last, volume and the bid size move, 250 ms apart.
                tick = tick with { Time = T0.AddMilliseconds(250 * i), Last = 10.00 + (i % 3 * 0.01), CumulativeVolume = 1_000_000 + (100 * i), BidSize = 500 + (i % 5 * 100) };
                rec.WriteTick(0, "SOFI", in tick);
            }

            Assert.True((rec.Bytes - header) / 1000.0 <= 16, $"{(rec.Bytes - header) / 1000.0} bytes per tick");
        }
    }

    [Fact]
    public void A_recording_cut_short_reads_up_to_its_last_whole_record()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        string path = dir.File("r.gv2t");
        List<(string Symbol, QuoteTick Tick)> written = RandomTicks(seed: 3, count: 100);
        using (TickRecorder rec = TickRecorder.Create(path, T0, new Dictionary<string, object?>()))
        {
            foreach ((string symbol, QuoteTick tick) in written)
            {
                rec.WriteTick(SymbolIndex(symbol), symbol, in tick);
            }
        }

        using (var f = new FileStream(path, FileMode.Open))
        {
            f.SetLength(f.Length - 3);
        }

        using TickFileReader reader = TickFileReader.Open(path);
        List<TickFileRecord> read = [.. reader.Records()];

        Assert.True(reader.Truncated);
        Assert.Equal(written.Count - 1, read.Count);
        AssertSame(written[^2].Tick, read[^1].Tick, read.Count - 1);
    }

    [Fact]
    public async Task Replaying_a_file_that_is_not_a_recording_says_so_with_exit_1()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        string path = dir.File("notes.txt");
        await File.WriteAllTextAsync(path, "symbol\nAAPL\n");

        (int code, string stdout, string stderr) = await CliRunner.RunAsync("replay", path);

        Assert.Equal(1, code);
        Assert.Contains("is not a GV2-EDGE recording", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public async Task Replaying_a_missing_file_names_it_with_exit_1()
    {
        (int code, _, string stderr) = await CliRunner.RunAsync("replay", "no-such-recording.gv2t");

        Assert.Equal(1, code);
        Assert.Contains("no-such-recording.gv2t does not exist", stderr, StringComparison.Ordinal);
    }

    private static readonly string[] Symbols = ["GME", "AMC", "SOFI"];

    private static int SymbolIndex(string symbol) => Array.IndexOf(Symbols, symbol);

    // Every kind of value the engine can see: unknown (NaN), cents, sub-penny, arbitrary doubles (VWAP), big volumes,
    // halts, data types, and a clock that sometimes steps back.
    private static List<(string, QuoteTick)> RandomTicks(int seed, int count)
    {
        var rng = new Random(seed);
        var list = new List<(string, QuoteTick)>(count);
        DateTimeOffset t = T0;
        double Price() => rng.Next(6) switch
        {
            0 => double.NaN,
            1 => rng.Next(1, 100_000) / 100.0,
            2 => rng.Next(1, 10_000) / 10_000.0,
            3 => rng.NextDouble() * 500,
            4 => double.PositiveInfinity,
            _ => Math.Round(rng.NextDouble() * 50, 2),
        };
        QuoteTick[] last = [.. Symbols.Select(_ => QuoteTick.Empty(T0))];
        for (int i = 0; i < count; i++)
        {
            int s = rng.Next(Symbols.Length);
            t = t.AddTicks(rng.Next(10) == 0 ? -rng.Next(1, 10_000) : rng.Next(0, 50_000_000));
            QuoteTick p = last[s];
            QuoteTick q = p with
            {
                Time = t,
                Bid = rng.Next(3) == 0 ? Price() : p.Bid,
                Ask = rng.Next(3) == 0 ? Price() : p.Ask,
                Last = rng.Next(2) == 0 ? Price() : p.Last,
                BidSize = rng.Next(3) == 0 ? rng.Next(0, 100_000) : p.BidSize,
                AskSize = rng.Next(3) == 0 ? rng.Next(0, 100_000) : p.AskSize,
                CumulativeVolume = rng.Next(2) == 0 ? rng.NextInt64(0, 50_000_000_000) : p.CumulativeVolume,
                DayHigh = rng.Next(10) == 0 ? Price() : p.DayHigh,
                DayLow = rng.Next(10) == 0 ? Price() : p.DayLow,
                PrevClose = rng.Next(50) == 0 ? Price() : p.PrevClose,
                Open = rng.Next(50) == 0 ? Price() : p.Open,
                Vwap = rng.Next(2) == 0 ? rng.NextDouble() * 300 : p.Vwap,
                Halted = rng.Next(20) == 0 ? rng.Next(-1, 3) : p.Halted,
                Quality = rng.Next(30) == 0 ? (DataQuality)rng.Next(1, 5) : p.Quality,
            };
            last[s] = q;
            list.Add((Symbols[s], q));
        }

        return list;
    }

    private static void AssertSame(QuoteTick expected, QuoteTick actual, int index)
    {
        Span<double> e = stackalloc double[TickFileFormat.DoubleFields];
        Span<double> a = stackalloc double[TickFileFormat.DoubleFields];
        TickFileFormat.Read(in expected, e);
        TickFileFormat.Read(in actual, a);
        for (int f = 0; f < e.Length; f++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(e[f]) == BitConverter.DoubleToInt64Bits(a[f]), $"record {index} field {f}: {e[f]} != {a[f]}");
        }

        Assert.Equal(expected.Time.UtcTicks, actual.Time.UtcTicks);
        Assert.Equal(expected.Halted, actual.Halted);
        Assert.Equal(expected.Quality, actual.Quality);
    }
}
