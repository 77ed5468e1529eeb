using Gv2Edge.Tws.Simulator.Server;
using Microsoft.Extensions.Logging;

namespace Gv2Edge.Tws.Simulator.Load;

/// <summary>
/// Drives load mode: each step asks the <see cref="LoadPacer"/> how many frames are due and shares them over the
/// connections that hold streaming lines (each then round-robins over its lines). At a finite rate a 1 ms timer on
/// the driving clock steps it (a late timer just makes a bigger batch); at an unlimited rate a loop keeps every
/// connection's queue topped up and waits for its writer to drain.
/// </summary>
internal sealed class LoadGenerator : IDisposable
{
    /// <summary>A connection whose writer holds this much is not given more (the client is not keeping up).</summary>
    public const int MaxQueuedBytes = 256 * 1024;

    /// <summary>The step period at a finite rate.</summary>
    public static readonly TimeSpan StepPeriod = TimeSpan.FromMilliseconds(1);

    private readonly GatewaySimulator _server;
    private readonly LoadPacer _pacer;
    private readonly SemaphoreSlim _room = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private ITimer? _timer;
    private Task _loop = Task.CompletedTask;
    private int _stepping;
    private long _sent;
    private long _steps;
    private int _rotation;

    public LoadGenerator(GatewaySimulator server, LoadOptions options)
    {
        _server = server;
        Options = options;
        _pacer = new LoadPacer(options.TicksPerSecond, server.Options.TimeProvider.TimestampFrequency, server.Options.TimeProvider.GetTimestamp());
    }

    public LoadOptions Options { get; }

    public LoadStatistics Statistics => new(Interlocked.Read(ref _sent), _pacer.Behind, Interlocked.Read(ref _steps));

    public void Start()
    {
        string rate = _pacer.Unlimited ? "as fast as the clients read" : $"{Options.TicksPerSecond:N0} frames/s";
        _server.Logger.LogWarning(
            "LOAD MODE ({Rate}): streaming lines get pre-encoded tickPrice/tickSize frames, not the market model. NOT IB-faithful (no 250 ms coalescing); for benchmarks only.",
            rate);
        TimeProvider time = _server.Options.TimeProvider;
        if (_pacer.Unlimited)
        {
            _loop = Task.Run(() => RunUnlimitedAsync(_stop.Token));
        }
        else
        {
            _pacer.Restart(time.GetTimestamp());
            _timer = time.CreateTimer(_ => Step(), null, StepPeriod, StepPeriod);
        }
    }

    /// <summary>Wakes the unlimited loop: a writer drained or a line was added.</summary>
    public void Wake()
    {
        if (_room.CurrentCount == 0)
        {
            try
            {
                _room.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    /// <summary>One step: sends what is due; returns the frames queued.</summary>
    internal long Step()
    {
        // Timer callbacks may overlap when one runs long: one step at a time.
        if (Interlocked.Exchange(ref _stepping, 1) == 1)
        {
            return 0;
        }

        try
        {
            return StepCore();
        }
        finally
        {
            Volatile.Write(ref _stepping, 0);
        }
    }

    private long StepCore()
    {
        long now = _server.Options.TimeProvider.GetTimestamp();
        if (_server.DataPaused)
        {
            _pacer.Restart(now);
            return 0;
        }

        IReadOnlyList<SimConnection> connections = _server.Connections;
        int holders = 0;
        foreach (SimConnection c in connections)
        {
            holders += c.HasLoadLines ? 1 : 0;
        }

        if (holders == 0)
        {
            _pacer.Restart(now);
            return 0;
        }

        long due = _pacer.Due(now);
        long sent = 0;
        if (due > 0)
        {
            long share = due / holders;
            long extra = due % holders;
            int rotation = _rotation++;
            int k = 0;
            for (int i = 0; i < connections.Count; i++)
            {
                SimConnection c = connections[(i + rotation) % connections.Count];
                if (!c.HasLoadLines)
                {
                    continue;
                }

                long budget = share + (k++ < extra ? 1 : 0);
                if (budget > 0)
                {
                    sent += c.SendLoad((int)Math.Min(budget, int.MaxValue), now, Options.StampTickType, MaxQueuedBytes);
                }
            }
        }

        _pacer.Sent(sent);
        Interlocked.Add(ref _sent, sent);
        Interlocked.Increment(ref _steps);
        return sent;
    }

    private async Task RunUnlimitedAsync(CancellationToken ct)
    {
        TimeProvider time = _server.Options.TimeProvider;
        while (!ct.IsCancellationRequested)
        {
            if (Step() > 0)
            {
                // Let the connections' readers and writers run: a loop that never yields starves them on a small
                // machine, and a reader that falls behind sees the client's requests in bursts (error 100).
                await Task.Yield();
                continue;
            }

            // Nothing queued: every writer is full or nobody holds a line. Wait for a drain or a new line, and look
            // again after a while in any case (a connection can appear without waking us).
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(10), time);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                await _room.WaitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _timer?.Dispose();
        Wake();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }
}

/// <summary>What load mode has done so far.</summary>
/// <param name="FramesSent">Frames queued to clients (stamps included).</param>
/// <param name="FramesBehind">Frames written off because the clients did not take them within 100 ms of their due time.</param>
/// <param name="Steps">Pacing steps run.</param>
public readonly record struct LoadStatistics(long FramesSent, long FramesBehind, long Steps);
