using Gv2Edge.Market;
using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.State;

namespace Gv2Edge.Radar.Streaming;

/// <summary>What happens after a detector fires: promotion, the immediate scan, publication; and the background loop.</summary>
public sealed partial class StreamingEngine
{
    /// <summary>
    /// Background work until cancelled: hot-list expiry and saving (every second), immediate scans, and the
    /// subscription manager's paced sender.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Task scans = RunScansAsync(cancellationToken);
        Task sender = Subscriptions?.RunAsync(cancellationToken) ?? Task.CompletedTask;
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                RunMaintenance();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            RunMaintenance();
            await Task.WhenAll(Swallow(scans), Swallow(sender)).ConfigureAwait(false);
        }
    }

    /// <summary>Expires hot-list entries (their subscriptions drop to NORMAL) and saves the list if it changed.</summary>
    public void RunMaintenance()
    {
        foreach (HotEntry gone in HotList.Expire())
        {
            Subscriptions?.SetPriority(gone.Symbol, HotPriority.Normal);
        }

        HotList.Save();
    }

    private void Emit(string symbol, in DetectorSignal signal, DateTimeOffset time, MarketSession session, DataQuality quality)
    {
        Interlocked.Increment(ref _eventCounts[(int)signal.Kind]);
        HotPriority? target = signal.Kind switch
        {
            EventKind.VolumeSpike => signal.Value >= _options.HotVolumeRatio ? HotPriority.Hot : HotPriority.Warm,
            EventKind.PriceSurge => signal.Value >= _options.HotSurgePct ? HotPriority.Hot : HotPriority.Warm,
            EventKind.NewHigh or EventKind.SpreadTightening => HotPriority.Warm,
            _ => null,
        };

        if (target is { } priority && HotList.Push(symbol, priority, signal.Kind.ToType()))
        {
            Subscriptions?.SetPriority(symbol, priority);
            if (priority == HotPriority.Hot && ImmediateScan is not null && !_scans.Writer.TryWrite(symbol))
            {
                Interlocked.Increment(ref _scanFailures);
                LogScanQueueFull(_logger, symbol);
            }
        }

        RadarEvent e = EventFactory.Create(symbol, in signal, time, session, quality, HotList.PriorityOf(symbol).ToWord());
        Events.Publish(e);
    }

    private async Task RunScansAsync(CancellationToken cancellationToken)
    {
        await foreach (string symbol in _scans.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ImmediateScan is not { } scan)
            {
                continue;
            }

            try
            {
                await scan(symbol, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref _scanFailures);
                LogScanFailed(_logger, ex, symbol);
            }
        }
    }

    private static async Task Swallow(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
