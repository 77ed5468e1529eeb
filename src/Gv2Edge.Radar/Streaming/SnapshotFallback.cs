using Gv2Edge.Radar.State;

namespace Gv2Edge.Radar.Streaming;

/// <summary>
/// Fallback mode, when streaming is disabled or no lines are left: the same engine, fed by paced snapshots
/// (each symbol every <see cref="StreamingOptions.SnapshotInterval"/>, at most
/// <see cref="StreamingOptions.SnapshotsPerSecond"/> requests a second). The detectors see full level-1
/// pictures, only less often, so the same scripted moves give the same events within the snapshot cadence.
/// </summary>
public sealed class SnapshotFallback
{
    private readonly StreamingEngine _engine;
    private readonly IQuoteSnapshots _source;
    private readonly StreamingOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly List<string> _symbols = [];

    /// <summary>Creates the poller and marks the engine as running in fallback mode.</summary>
    public SnapshotFallback(StreamingEngine engine, IQuoteSnapshots source, StreamingOptions options, TimeProvider time)
    {
        _engine = engine;
        _source = source;
        _options = options;
        _time = time;
        engine.FallbackMode = true;
    }

    /// <summary>Failed or empty snapshots.</summary>
    public long Misses { get; private set; }

    /// <summary>Adds a symbol to the rounds.</summary>
    public void Add(string symbol)
    {
        lock (_lock)
        {
            if (!_symbols.Contains(symbol, StringComparer.OrdinalIgnoreCase))
            {
                _symbols.Add(symbol.Trim().ToUpperInvariant());
            }
        }
    }

    /// <summary>Removes a symbol from the rounds.</summary>
    public void Remove(string symbol)
    {
        lock (_lock)
        {
            _symbols.RemoveAll(s => string.Equals(s, symbol, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>One round: a snapshot of every symbol, spaced 1/<see cref="StreamingOptions.SnapshotsPerSecond"/> apart, fed to the engine.</summary>
    public async Task PollRoundAsync(CancellationToken cancellationToken = default)
    {
        string[] symbols;
        lock (_lock)
        {
            symbols = [.. _symbols];
        }

        var spacing = TimeSpan.FromSeconds(1 / _options.SnapshotsPerSecond);
        for (int i = 0; i < symbols.Length; i++)
        {
            if (i > 0)
            {
                await Task.Delay(spacing, _time, cancellationToken).ConfigureAwait(false);
            }

            QuoteTick? tick;
            try
            {
                tick = await _source.GetSnapshotAsync(symbols[i], cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                tick = null;
            }

            if (tick is { } t)
            {
                _engine.OnTick(symbols[i], in t);
            }
            else
            {
                Misses++;
            }
        }
    }

    /// <summary>Rounds every <see cref="StreamingOptions.SnapshotInterval"/> until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.SnapshotInterval, _time);
        do
        {
            await PollRoundAsync(cancellationToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}
