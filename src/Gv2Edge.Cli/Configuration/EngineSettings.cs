using System.Globalization;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Radar.Engines;
using SimulatorUniverse = Gv2Edge.Tws.Simulator.Market.Universe;

namespace Gv2Edge.Cli.Configuration;

/// <summary>
/// The acceleration engine's baselines and the small-cap radar's filters (section <c>Engines</c>; environment variables
/// <c>EDGE_Engines__MaxMarketCap</c> etc.). Defaults are the original's; docs/ENGINES.md describes each.
/// </summary>
public sealed record EngineSettings
{
    /// <summary>Past sessions of 1-minute bars loaded per symbol for its baseline (one history request each). Default 3; 0 turns it off.</summary>
    public int MinuteBaselineSessions { get; init; } = 3;

    /// <summary>
    /// Universe CSV giving market cap / float / average volume for the radar's filters when the command names no
    /// <c>--universe</c> file with those columns. Default none.
    /// </summary>
    public string? UniverseFile { get; init; }

    /// <summary>ULTRA, HIGH or STANDARD. Default HIGH.</summary>
    public RadarSensitivity Sensitivity { get; init; } = RadarSensitivity.High;

    /// <summary>Lowest price. Default $0.50.</summary>
    public double MinPrice { get; init; } = 0.50;

    /// <summary>Highest price. Default $20.</summary>
    public double MaxPrice { get; init; } = 20.0;

    /// <summary>Lowest average daily volume, when the universe knows it. Default 50,000 shares.</summary>
    public double MinAvgVolume { get; init; } = 50_000;

    /// <summary>Highest market cap, when the universe knows it. Default $2 B.</summary>
    public double MaxMarketCap { get; init; } = 2e9;

    /// <summary>Highest float, when the universe knows it. Default 100 M shares.</summary>
    public double MaxFloat { get; init; } = 100e6;

    /// <summary>The radar options these settings make.</summary>
    public SmallCapRadarOptions RadarOptions() => new()
    {
        Sensitivity = Sensitivity,
        MinPrice = MinPrice,
        MaxPrice = MaxPrice,
        MinAvgVolume = MinAvgVolume,
        MaxMarketCap = MaxMarketCap,
        MaxFloat = MaxFloat,
    };

    /// <summary>Throws <see cref="ConfigurationException"/> naming the key of the first bad value.</summary>
    public void Validate()
    {
        static void Fail(string key, string message) => throw new ConfigurationException($"Configuration key Engines:{key}: {message}");

        if (MinuteBaselineSessions is < 0 or > 20)
        {
            Fail("MinuteBaselineSessions", $"{MinuteBaselineSessions} is out of range; use 0 (off) to 20 sessions (default 3).");
        }

        if (!(MinPrice >= 0) || !(MaxPrice > MinPrice) || !double.IsFinite(MaxPrice))
        {
            Fail("MinPrice", $"{MinPrice} to {MaxPrice} (Engines:MaxPrice) is not a price range; defaults $0.50 to $20.");
        }

        foreach ((string key, double value) in new[] { ("MinAvgVolume", MinAvgVolume), ("MaxMarketCap", MaxMarketCap), ("MaxFloat", MaxFloat) })
        {
            if (!(value >= 0) || !double.IsFinite(value))
            {
                Fail(key, $"{value.ToString(CultureInfo.InvariantCulture)} must be a non-negative number.");
            }
        }

        if (!Enum.IsDefined(Sensitivity))
        {
            Fail("Sensitivity", $"\"{Sensitivity}\" is not one of Ultra, High, Standard.");
        }
    }
}

/// <summary>What the engines of one command run with: the settings, the universe context and where it came from.</summary>
/// <param name="Settings">The <c>Engines</c> settings.</param>
/// <param name="Universe">Market cap / float / average volume per symbol for the radar's filters.</param>
/// <param name="UniverseSource">Where <paramref name="Universe"/> came from, for the start-up line ("none" when empty).</param>
/// <param name="Log">Progress lines (minute baselines), or null.</param>
public sealed record EngineSetup(EngineSettings Settings, UniverseContext Universe, string UniverseSource, Action<string>? Log = null)
{
    /// <summary>Defaults: 3 sessions of minute bars, the original's filters, no universe context, no progress lines.</summary>
    public static EngineSetup Default { get; } = new(new EngineSettings(), UniverseContext.Empty, "none");

    /// <summary>
    /// The setup of a command: the universe context comes from <c>--universe FILE</c> when that file has market cap,
    /// float or average volume columns, else from <c>Engines:UniverseFile</c>, else, when the gateway is the built-in
    /// simulator (<c>edge demo</c>, or <c>Ibkr:UseIbkrData</c> false), from the simulator's shipped universe; against a
    /// real gateway nothing else is assumed. Progress goes to stderr.
    /// </summary>
    /// <exception cref="UsageException">A universe file cannot be read (the message names the file and line).</exception>
    public static EngineSetup For(CommandContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        EngineSettings settings = ctx.Settings.Engines;
        Action<string> log = ctx.Err.WriteLine;
        foreach ((string? file, string what) in new[] { (ctx.Args.Get("universe"), "--universe"), (settings.UniverseFile, "Engines:UniverseFile") })
        {
            if (file is { Length: > 0 } && LoadFile(file, what) is { Count: > 0 } fromFile)
            {
                return new EngineSetup(settings, fromFile, file, log);
            }
        }

        bool simulated = ctx.Command == "demo" || !ctx.Settings.Ibkr.UseIbkrData;
        return simulated
            ? new EngineSetup(settings, FromSimulator(SimulatorUniverse.Default), "the simulator's universe", log)
            : new EngineSetup(settings, UniverseContext.Empty, "none", log);
    }

    /// <summary>The simulator's universe as radar context (average volume, market cap, float of every stock).</summary>
    public static UniverseContext FromSimulator(SimulatorUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(universe);
        return UniverseContext.From(universe.Stocks.Select(s => KeyValuePair.Create(s.Symbol, new SymbolContext
        {
            AvgVolume = s.AvgDailyVolume > 0 ? s.AvgDailyVolume : null,
            MarketCap = s.MarketCap > 0 ? s.MarketCap : null,
            Float = s.Float > 0 ? s.Float : null,
        })));
    }

    /// <summary>The start-up line: where the filters' data comes from and what a symbol without it gets.</summary>
    public string Describe() => Universe.Count == 0
        ? "small-cap radar: no market cap / float data (pass --universe FILE or set Engines:UniverseFile with marketCap,float columns); symbols are screened on price only."
        : string.Create(CultureInfo.InvariantCulture,
            $"small-cap radar: market cap / float of {Universe.CountWithCapAndFloat} symbols from {UniverseSource} (at most ${Settings.MaxMarketCap / 1e9:0.##} B, {Settings.MaxFloat / 1e6:0.##} M shares); symbols without them are screened on what is known, never dropped.");

    private static UniverseContext LoadFile(string file, string what)
    {
        try
        {
            return UniverseContext.Load(file);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{what}: {ex.Message}");
        }
    }
}
