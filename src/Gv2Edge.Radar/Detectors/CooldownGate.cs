namespace Gv2Edge.Radar.Detectors;

/// <summary>
/// Per-symbol, per-type cooldown: one event of a type per symbol within its cooldown (<see cref="DetectorOptions.Cooldown"/>
/// unless a type has its own, see <see cref="SetCooldown"/>).
/// </summary>
public sealed class CooldownGate
{
    private readonly long[] _lastFired = CreateEmpty();
    private readonly long[] _cooldownTicks = new long[EventKinds.Count];

    /// <summary>Creates a gate where every type cools down for <paramref name="cooldown"/>.</summary>
    public CooldownGate(TimeSpan cooldown) => Array.Fill(_cooldownTicks, cooldown.Ticks);

    /// <summary>Events held back by the cooldown.</summary>
    public long Suppressed { get; private set; }

    /// <summary>Gives <paramref name="kind"/> its own cooldown.</summary>
    public void SetCooldown(EventKind kind, TimeSpan cooldown) => _cooldownTicks[(int)kind] = cooldown.Ticks;

    /// <summary>True (and the cooldown restarts) when <paramref name="kind"/> may fire at <paramref name="utcTicks"/>.</summary>
    public bool TryPass(EventKind kind, long utcTicks)
    {
        long last = _lastFired[(int)kind];
        if (last != long.MinValue && utcTicks - last < _cooldownTicks[(int)kind])
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
