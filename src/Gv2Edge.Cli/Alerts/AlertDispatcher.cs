using Gv2Edge.Cli.Journal;
using Gv2Edge.Radar.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gv2Edge.Cli.Alerts;

/// <summary>
/// Journals events and delivers their alerts at least once. <see cref="PublishAsync"/> commits the event and, when the
/// <see cref="AlertPolicy"/> says so, one undelivered delivery per sink in the same transaction; <see cref="RunAsync"/>
/// delivers what the journal holds as undelivered (including what a previous run left), retrying with exponential
/// backoff on the <see cref="TimeProvider"/> and never giving up. Every attempt carries the event id as idempotency key.
/// </summary>
public sealed class AlertDispatcher
{
    private readonly EdgeJournal _journal;
    private readonly Dictionary<string, IAlertSink> _sinks;
    private readonly string[] _sinkNames;
    private readonly AlertOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private long _published;
    private long _alerted;
    private long _delivered;
    private long _failedAttempts;
    private int _pending;

    /// <summary>
    /// A dispatcher writing to <paramref name="journal"/> and delivering to <paramref name="sinks"/> (names must be
    /// unique). <paramref name="options"/> default to <see cref="AlertOptions"/>' defaults, <paramref name="time"/> to the
    /// system clock.
    /// </summary>
    public AlertDispatcher(EdgeJournal journal, IReadOnlyList<IAlertSink> sinks, AlertOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(sinks);
        _journal = journal;
        _sinks = sinks.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _sinkNames = [.. _sinks.Keys];
        _options = options ?? new AlertOptions();
        Policy = new AlertPolicy(_options);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        foreach (IAlertSink s in sinks)
        {
            AlertLog.SinkConfigured(_logger, s.Name, s.Target);
        }
    }

    /// <summary>The rules deciding which events are alerted.</summary>
    public AlertPolicy Policy { get; }

    /// <summary>Counters so far (for the dashboard).</summary>
    public AlertCounters Counters => new(
        Interlocked.Read(ref _published),
        Interlocked.Read(ref _alerted),
        Interlocked.Read(ref _delivered),
        Interlocked.Read(ref _failedAttempts),
        Volatile.Read(ref _pending));

    /// <summary>
    /// Journals <paramref name="evt"/> (every event, alerted or not) and queues its alert deliveries; returns once
    /// committed, with true when an alert was queued.
    /// </summary>
    public async Task<bool> PublishAsync(RadarEvent evt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evt);
        bool alert = _sinkNames.Length > 0 && Policy.ShouldAlert(evt, out _);
        await _journal.AppendEventAsync(evt, alert ? _sinkNames : null, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _published);
        if (alert)
        {
            Interlocked.Increment(ref _alerted);
            Wake();
        }

        return alert;
    }

    /// <summary>Delivers due alerts until <paramref name="cancellationToken"/> is cancelled; undelivered ones stay in the journal.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_sinkNames.Length == 0)
        {
            return;
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                IReadOnlyList<PendingDelivery> pending = _journal.Reader.GetPendingDeliveries(_sinkNames);
                Volatile.Write(ref _pending, pending.Count);
                DateTimeOffset now = _time.GetUtcNow();
                PendingDelivery[] due = [.. pending.Where(p => p.NextRetry <= now)];
                if (due.Length > 0)
                {
                    await Task.WhenAll(due.Select(p => AttemptAsync(p, cancellationToken))).ConfigureAwait(false);
                    continue;
                }

                TimeSpan wait = pending.Count == 0 ? Timeout.InfiniteTimeSpan : pending.Min(p => p.NextRetry) - now;
                await WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: whatever is undelivered stays journaled for the next run.
        }
    }

    private async Task AttemptAsync(PendingDelivery p, CancellationToken cancellationToken)
    {
        IAlertSink sink = _sinks[p.Sink];
        var message = new AlertMessage(p.Event, Policy.SeverityOf(p.Event));
        string? error = null;
        using (var timeout = new CancellationTokenSource(_options.AttemptTimeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken))
        {
            try
            {
                await sink.SendAsync(message, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return; // not an attempt: we are stopping
            }
            catch (OperationCanceledException)
            {
                error = $"{sink.Name} did not answer within {_options.AttemptTimeout.TotalSeconds:0.#} s";
            }
            catch (Exception ex)
            {
                error = ex is AlertDeliveryException ? ex.Message : $"{sink.Name}: {ex.GetType().Name}";
            }
        }

        int attempts = p.Attempts + 1;
        if (error is null)
        {
            await _journal.RecordDeliveryAttemptAsync(p.Event.Id, p.Sink, true, null, null, CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref _delivered);
            AlertLog.Delivered(_logger, p.Event.Id, p.Sink, attempts);
            return;
        }

        TimeSpan delay = _options.RetryDelay(attempts);
        await _journal.RecordDeliveryAttemptAsync(p.Event.Id, p.Sink, false, error, _time.GetUtcNow() + delay, CancellationToken.None).ConfigureAwait(false);
        Interlocked.Increment(ref _failedAttempts);
        AlertLog.DeliveryFailed(_logger, p.Event.Id, p.Sink, attempts, error, delay);
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one wake-up covers any number of new deliveries.
        }
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task woken = _wake.WaitAsync(stop.Token);
        Task elapsed = wait == Timeout.InfiniteTimeSpan ? Task.Delay(Timeout.Infinite, stop.Token) : Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, _time, stop.Token);
        await Task.WhenAny(woken, elapsed).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}

/// <summary>Alert counters: events published (journaled), alerts queued, deliveries done, failed attempts, deliveries pending.</summary>
public sealed record AlertCounters(long Published, long Alerted, long Delivered, long FailedAttempts, int Pending);
