namespace Gv2Edge.Radar.Engines;

/// <summary>Sensitivity presets of the small-cap radar (the original's ULTRA, HIGH, STANDARD).</summary>
public enum RadarSensitivity
{
    /// <summary>Min accumulation 0.20, min volume z 1.0, min confidence 0.20.</summary>
    Ultra,

    /// <summary>Min accumulation 0.30, min volume z 1.5, min confidence 0.30 (default).</summary>
    High,

    /// <summary>Min accumulation 0.45, min volume z 2.0, min confidence 0.40.</summary>
    Standard,
}

/// <summary>Blip priority (<c>blipPriority</c> in JSON), highest first.</summary>
public enum BlipPriority
{
    /// <summary>No blip.</summary>
    None,

    /// <summary>Watching.</summary>
    Low,

    /// <summary>Accumulating.</summary>
    Medium,

    /// <summary>Pre-launch.</summary>
    High,

    /// <summary>Launching or breaking out.</summary>
    Critical,
}

/// <summary>Settings of the small-cap radar; defaults are the original's.</summary>
public sealed record SmallCapRadarOptions
{
    /// <summary>Preset. Default HIGH.</summary>
    public RadarSensitivity Sensitivity { get; init; } = RadarSensitivity.High;

    /// <summary>Scan period. Default 5 s (the original's <c>run_continuous(interval=5)</c>, which it never started).</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Lowest price. Default $0.50.</summary>
    public double MinPrice { get; init; } = 0.50;

    /// <summary>Highest price. Default $20.</summary>
    public double MaxPrice { get; init; } = 20.0;

    /// <summary>Lowest average daily volume, when known. Default 50,000 shares.</summary>
    public double MinAvgVolume { get; init; } = 50_000;

    /// <summary>Highest market cap, when known. Default $2 B.</summary>
    public double MaxMarketCap { get; init; } = 2e9;

    /// <summary>Highest float, when known. Default 100 M shares.</summary>
    public double MaxFloat { get; init; } = 100e6;

    /// <summary>A NEW_HIGH counts in the context for this long. Default 5 minutes.</summary>
    public TimeSpan NewHighMemory { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A gap of this percent (holding above VWAP) earns full gap quality. Default 10%.</summary>
    public double FullQualityGapPct { get; init; } = 10.0;

    /// <summary>Lowest blip priority published as a RADAR_BLIP event (lower ones stay in the scan result). Default MEDIUM.</summary>
    public BlipPriority MinEventPriority { get; init; } = BlipPriority.Medium;

    /// <summary>
    /// True when the symbol passes the small-cap filters: price within [<see cref="MinPrice"/>, <see cref="MaxPrice"/>],
    /// and, where the context knows them, average volume at least <see cref="MinAvgVolume"/>, market cap at most
    /// <see cref="MaxMarketCap"/>, float at most <see cref="MaxFloat"/>.
    /// </summary>
    public bool Admits(double price, SymbolContext? context) =>
        price >= MinPrice && price <= MaxPrice
        && !(context?.AvgVolume < MinAvgVolume)
        && !(context?.MarketCap > MaxMarketCap)
        && !(context?.Float > MaxFloat);

    /// <summary>(min accumulation, min volume z, min confidence) of the preset.</summary>
    public (double Accumulation, double VolumeZ, double Confidence) Thresholds => Sensitivity switch
    {
        RadarSensitivity.Ultra => (0.20, 1.0, 0.20),
        RadarSensitivity.Standard => (0.45, 2.0, 0.40),
        _ => (0.30, 1.5, 0.30),
    };
}

/// <summary>
/// What the universe file and the streaming events tell the radar about a symbol. Unknown values are null and
/// their filters are not applied.
/// </summary>
public sealed record SymbolContext
{
    /// <summary>Average daily volume in shares.</summary>
    public double? AvgVolume { get; init; }

    /// <summary>Market capitalisation in dollars.</summary>
    public double? MarketCap { get; init; }

    /// <summary>Float in shares.</summary>
    public double? Float { get; init; }

    /// <summary>A catalyst (news, filing) is active.</summary>
    public bool CatalystActive { get; init; }

    /// <summary>The symbol is a repeat gainer.</summary>
    public bool RepeatGainer { get; init; }
}
