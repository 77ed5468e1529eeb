namespace Gv2Edge.Tws.Connection;

/// <summary>
/// How long to wait before each reconnect attempt: a schedule of delays (default 1, 2, 5, 10, 30 s), the last
/// one repeated forever, each spread by a random jitter so that several clients do not hammer a restarting
/// gateway in step. Pure: no clock, no I/O.
/// </summary>
public sealed class ReconnectPolicy
{
    /// <summary>IB-friendly defaults: a refused local connection costs nothing, the nightly reset costs seconds.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultDelays =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30),
    ];

    private readonly TimeSpan[] _delays;
    private readonly double _jitter;
    private readonly Random _random;

    /// <param name="delays">Delay before attempt 1, 2, …; the last repeats forever. Default <see cref="DefaultDelays"/>.</param>
    /// <param name="jitterFraction">Each delay is multiplied by a random factor in [1 − j, 1 + j]. Default 0.2.</param>
    /// <param name="random">Source of jitter (seed it in tests). Default: a shared random.</param>
    public ReconnectPolicy(IReadOnlyList<TimeSpan>? delays = null, double jitterFraction = 0.2, Random? random = null)
    {
        delays ??= DefaultDelays;
        if (delays.Count == 0)
        {
            throw new ArgumentException("At least one reconnect delay is required.", nameof(delays));
        }

        if (delays.Any(d => d < TimeSpan.Zero))
        {
            throw new ArgumentException("Reconnect delays cannot be negative.", nameof(delays));
        }

        if (jitterFraction is < 0 or >= 1 || double.IsNaN(jitterFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(jitterFraction), jitterFraction, "Jitter must be in [0, 1).");
        }

        _delays = [.. delays];
        _jitter = jitterFraction;
        _random = random ?? Random.Shared;
    }

    /// <summary>The delay schedule without jitter.</summary>
    public IReadOnlyList<TimeSpan> Delays => _delays;

    /// <summary>The jitter fraction.</summary>
    public double JitterFraction => _jitter;

    /// <summary>The nominal (un-jittered) delay before attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan NominalDelay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return _delays[Math.Min(attempt, _delays.Length) - 1];
    }

    /// <summary>The longest delay <see cref="NextDelay"/> can return for <paramref name="attempt"/>.</summary>
    public TimeSpan MaxDelay(int attempt) => NominalDelay(attempt) * (1 + _jitter);

    /// <summary>The delay before attempt <paramref name="attempt"/> (1-based), jitter applied.</summary>
    public TimeSpan NextDelay(int attempt)
    {
        TimeSpan nominal = NominalDelay(attempt);
        if (_jitter == 0 || nominal == TimeSpan.Zero)
        {
            return nominal;
        }

        double factor;
        lock (_random)
        {
            factor = 1 + (((_random.NextDouble() * 2) - 1) * _jitter);
        }

        return TimeSpan.FromTicks((long)(nominal.Ticks * factor));
    }
}
