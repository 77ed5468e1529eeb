using Gv2Edge.Cli.Recording;
using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>Totals of one replay.</summary>
/// <param name="Records">Records read.</param>
/// <param name="Ticks">Ticks fed to the engine.</param>
/// <param name="Summary">The engine's totals.</param>
/// <param name="DroppedEvents">Events dropped on the way out.</param>
/// <param name="Truncated">The recording ended in the middle of a record.</param>
public sealed record ReplayTotals(long Records, long Ticks, StreamSummary Summary, long DroppedEvents, bool Truncated);

/// <summary>
/// Runs a recording back through an <see cref="EngineCore"/> on a fake clock: before each record the clock steps
/// through every whole second up to the record's time (timers fire at their own times, the engine's once-a-second
/// maintenance runs), then the record is applied and the events it caused are handed out, all on one thread, so the
/// same file and thresholds always give the same events.
/// </summary>
public static class ReplayRunner
{
    /// <summary>Replays <paramref name="reader"/>; <paramref name="output"/> gets each event in order.</summary>
    /// <param name="reader">An open recording.</param>
    /// <param name="streaming">Streaming options (hot-list promotion and TTLs).</param>
    /// <param name="detectors">Detector thresholds (null: defaults), e.g. from configuration overrides.</param>
    /// <param name="output">Receives the events.</param>
    /// <param name="speed">Market seconds per wall second; null: as fast as possible.</param>
    /// <param name="cancellationToken">Stops the replay.</param>
    public static async Task<ReplayTotals> RunAsync(TickFileReader reader, StreamingOptions streaming, DetectorOptions? detectors,
        Action<RadarEvent> output, double? speed, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(reader.Start);
        using var core = new EngineCore(clock, streaming with { HotListPath = null }, detectors);
        core.Start();
        long records = 0, ticks = 0;
        DateTimeOffset nextSecond = NextWholeSecond(reader.Start);
        long wallStart = TimeProvider.System.GetTimestamp();
        foreach (TickFileRecord r in reader.Records())
        {
            cancellationToken.ThrowIfCancellationRequested();
            records++;
            while (nextSecond <= r.Time)
            {
                clock.SetUtcNow(nextSecond);
                core.Engine.RunMaintenance();
                Drain(core, output);
                nextSecond = nextSecond.AddSeconds(1);
            }

            if (r.Time > clock.GetUtcNow())
            {
                clock.SetUtcNow(r.Time);
            }

            if (speed is { } x)
            {
                TimeSpan due = (r.Time - reader.Start) / x - TimeProvider.System.GetElapsedTime(wallStart);
                if (due > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(due, cancellationToken).ConfigureAwait(false);
                }
            }

            switch (r.Kind)
            {
                case TickFileFormat.Tag.Tick:
                    QuoteTick tick = r.Tick;
                    core.Engine.OnTick(r.Symbol!, in tick);
                    ticks++;
                    break;
                case TickFileFormat.Tag.Baseline:
                    core.Store.Baselines.FromAverageDailyVolume(r.Symbol!, r.Day, r.AverageDailyVolume);
                    break;
                case TickFileFormat.Tag.Stale:
                    await core.Engine.OnStaleAsync(r.Symbol!, r.Time, cancellationToken).ConfigureAwait(false);
                    break;
                case TickFileFormat.Tag.Reconnected:
                    core.Engine.OnReconnected();
                    break;
            }

            Drain(core, output);
        }

        core.Complete();
        Drain(core, output);
        return new ReplayTotals(records, ticks, core.Summary(), core.DroppedEvents, reader.Truncated);
    }

    private static void Drain(EngineCore core, Action<RadarEvent> output)
    {
        core.DrainStreaming();
        while (core.Events.TryRead(out RadarEvent? e))
        {
            output(e);
        }
    }

    private static DateTimeOffset NextWholeSecond(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond) + TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
