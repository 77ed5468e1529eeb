using System.Globalization;

namespace Gv2Edge.Radar.Anomaly;

/// <summary>Where a row's average volume to this time of day came from.</summary>
public enum VolumeBaselineSource
{
    /// <summary>No volume baseline (or the caller did not say).</summary>
    None,

    /// <summary>The symbol's own intraday bars over its last sessions (20 by default).</summary>
    Bars,

    /// <summary>IB's 90-day average daily volume (generic tick 21) × the intraday volume curve: the fallback when bars are not at hand.</summary>
    IbAverageVolume,
}

/// <summary>A symbol's average volume by this time of day, with where it came from and how it was made (for the row's reason).</summary>
/// <param name="AverageToTime">Average volume from the session start to this time of day, shares.</param>
/// <param name="Source">Bars or IB's average volume.</param>
/// <param name="Note">How it was made, in plain words (goes into the VOLUME_SPIKE reason).</param>
public sealed record VolumeBaseline(double AverageToTime, VolumeBaselineSource Source, string Note)
{
    /// <summary>A baseline from <paramref name="sessions"/> sessions of the symbol's own bars.</summary>
    public static VolumeBaseline FromBars(double averageToTime, int sessions) =>
        new(averageToTime, VolumeBaselineSource.Bars, string.Create(CultureInfo.InvariantCulture, $"baseline from its bars, {sessions} sessions"));

    /// <summary>
    /// The fallback: IB's average daily volume × the share of a day's volume the intraday curve puts before
    /// <paramref name="at"/> (<see cref="VolumeToTime.FromDailyAverage"/>). Null when that share or the average is zero.
    /// </summary>
    public static VolumeBaseline? FromIbAverageVolume(double averageDailyVolume, DateTimeOffset at, bool includeExtended)
    {
        if (VolumeToTime.FromDailyAverage(averageDailyVolume, at, includeExtended) is not { } avg)
        {
            return null;
        }

        double share = avg / averageDailyVolume;
        return new(avg, VolumeBaselineSource.IbAverageVolume, string.Create(CultureInfo.InvariantCulture,
            $"baseline from IB's 90-day average volume {averageDailyVolume:0} x {share * 100:0.#}% of a day's volume typically traded by {Gv2Edge.Market.ExchangeTime.ToExchange(at):HH:mm}; no bars"));
    }
}
