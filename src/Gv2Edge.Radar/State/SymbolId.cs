namespace Gv2Edge.Radar.State;

/// <summary>A symbol interned once in the <see cref="SymbolStateStore"/>: the index of its slot.</summary>
public readonly record struct SymbolId(int Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
