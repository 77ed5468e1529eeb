namespace Gv2Edge.Radar.Engines;

/// <summary>One radar blip (a symbol the radar sees moving or about to move).</summary>
public sealed record RadarBlip
{
    public required string Symbol { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>CRITICAL, HIGH, MEDIUM or LOW.</summary>
    public required BlipPriority Priority { get; init; }

    /// <summary>BREAKOUT, LAUNCHING, PRE_LAUNCH, ACCUMULATING or WATCHING.</summary>
    public required string DetectionPhase { get; init; }

    /// <summary>0.50·acceleration + 0.20·min(1, volumeZ/4) + 0.15·min(1, context) + 0.15·gap quality.</summary>
    public double RadarScore { get; init; }

    /// <summary>The acceleration engine's reading.</summary>
    public AccelerationScore Acceleration { get; init; }

    /// <summary>Context in [0, 1]: catalyst 0.5, repeat gainer 0.3, float under 20 M 0.2 (under 50 M 0.1), recent NEW_HIGH 0.2.</summary>
    public double Context { get; init; }

    /// <summary>Gap quality in [0, 1].</summary>
    public double GapQuality { get; init; }

    /// <summary>NOW, 0-2 min, 1-5 min, 3-10 min, 5-15 min or 15+ min.</summary>
    public required string EstimatedTimeToMove { get; init; }

    /// <summary>Confidence from the sample count (n/20).</summary>
    public double Confidence { get; init; }
}

/// <summary>One scan's outcome: blips by priority, and the symbols that could not be evaluated (with why).</summary>
public sealed record RadarScanResult
{
    public required DateTimeOffset Time { get; init; }

    /// <summary>Blips, highest priority then highest score first.</summary>
    public required IReadOnlyList<RadarBlip> Blips { get; init; }

    /// <summary>Symbols evaluated (including failures).</summary>
    public int SymbolsScanned { get; init; }

    /// <summary>Symbols whose evaluation failed, with the error message; the scan went on without them.</summary>
    public required IReadOnlyList<(string Symbol, string Error)> Errors { get; init; }

    /// <summary>Symbols the small-cap filters refused this scan (price, or a known average volume, market cap or float).</summary>
    public IReadOnlyList<string> FilteredOut { get; init; } = [];

    /// <summary>
    /// Symbols admitted although the universe gives no market cap or no float for them: screened on what is known
    /// (price at least), never dropped for lack of data.
    /// </summary>
    public int Unscreened { get; init; }
}
