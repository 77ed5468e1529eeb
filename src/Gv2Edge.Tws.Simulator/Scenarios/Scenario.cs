namespace Gv2Edge.Tws.Simulator.Scenarios;

/// <summary>
/// A script on top of the market model: a start time and events. <see cref="Description"/> says what a correct
/// radar reports when it watches the scenario.
/// </summary>
/// <param name="Name">Short name (the CLI's <c>--scenario</c>).</param>
/// <param name="Description">What happens and what a correct radar should report.</param>
/// <param name="Start">Default exchange-local start time (overridden by <c>SimulatorOptions.Start</c>).</param>
/// <param name="Events">The scripted events.</param>
public sealed record Scenario(string Name, string Description, DateTime Start, IReadOnlyList<ScenarioEvent> Events)
{
    private Dictionary<string, ScenarioEvent[]>? _bySymbol;

    /// <summary>
    /// Symbols whose historical requests fail, and how (default none), e.g. a stock the radar must survive without
    /// a baseline. See <see cref="Faults.HistoricalFailure"/>.
    /// </summary>
    public IReadOnlyDictionary<string, Faults.HistoricalFailure> HistoricalFailures { get; init; }
        = new Dictionary<string, Faults.HistoricalFailure>();

    /// <summary>Events for one symbol, in time order (cached: the model asks on hot paths).</summary>
    public IReadOnlyList<ScenarioEvent> For(string symbol)
    {
        Dictionary<string, ScenarioEvent[]> map = _bySymbol ??= Events
            .GroupBy(e => e.Symbol, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ToArray(), StringComparer.OrdinalIgnoreCase);
        return map.TryGetValue(symbol, out ScenarioEvent[]? events) ? events : [];
    }
}
