namespace Gv2Edge.Radar.Detectors;

/// <summary>Per-symbol, per-type cooldown: one event of a type per symbol within <see cref="DetectorOptions.Cooldown"/>.</summary>
public sealed class CooldownGate(TimeSpan cooldown)
{
    private readonly long[] _lastFired = CreateEmpty();

    /// <summary>Events held back by the cooldown.</summary>
    public long Suppressed { get; private set; }

    /// <summary>True (and the cooldown restarts) when <paramref name="kind"/> may fire at <paramref name="utcTicks"/>.</summary>
    public bool TryPass(EventKind kind, long utcTicks)
    {
        long last = _lastFired[(int)kind];
        if (last != long.MinValue && utcTicks - last < cooldown.Ticks)
        {
            Suppressed++;
            return false;
        }

        _lastFired[(int)kind] = utcTicks;
        return true;
    }

    /// <summary>Forgets every cooldown.</summary>
    public void Reset() => Array.Fill(_lastFired, long.MinValue);

    private static long[] CreateEmpty()
    {
        var a = new long[EventKinds.Count];
        Array.Fill(a, long.MinValue);
        return a;
    }
}
