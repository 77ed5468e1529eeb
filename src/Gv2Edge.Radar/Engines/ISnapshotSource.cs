using Gv2Edge.Radar.State;

namespace Gv2Edge.Radar.Engines;

/// <summary>Where the sampler reads the symbols' current level-1 state (the per-symbol state store).</summary>
public interface ISnapshotSource
{
    /// <summary>The current snapshot of every symbol the store tracks.</summary>
    IEnumerable<SymbolSnapshot> GetSnapshots();
}

/// <summary>An <see cref="ISnapshotSource"/> over a delegate, for composition and tests.</summary>
public sealed class DelegateSnapshotSource(Func<IEnumerable<SymbolSnapshot>> read) : ISnapshotSource
{
    /// <inheritdoc />
    public IEnumerable<SymbolSnapshot> GetSnapshots() => read();
}
