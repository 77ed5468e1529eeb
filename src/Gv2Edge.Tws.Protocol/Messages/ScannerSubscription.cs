namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// Scanner settings of <see cref="ReqScannerSubscription"/>. Null numbers are "unset" (written as empty fields);
/// strings default to "".
/// </summary>
public sealed record ScannerSubscription
{
    /// <summary>Rows wanted; default -1 (IB's default, up to 50).</summary>
    public int? NumberOfRows { get; init; } = -1;

    /// <summary>Instrument, e.g. "STK".</summary>
    public string Instrument { get; init; } = "";

    /// <summary>Location, e.g. "STK.US.MAJOR".</summary>
    public string LocationCode { get; init; } = "";

    /// <summary>Scan code, e.g. "TOP_PERC_GAIN".</summary>
    public string ScanCode { get; init; } = "";

    public double? AbovePrice { get; init; }

    public double? BelowPrice { get; init; }

    public int? AboveVolume { get; init; }

    public double? MarketCapAbove { get; init; }

    public double? MarketCapBelow { get; init; }

    public string MoodyRatingAbove { get; init; } = "";

    public string MoodyRatingBelow { get; init; } = "";

    public string SpRatingAbove { get; init; } = "";

    public string SpRatingBelow { get; init; } = "";

    public string MaturityDateAbove { get; init; } = "";

    public string MaturityDateBelow { get; init; } = "";

    public double? CouponRateAbove { get; init; }

    public double? CouponRateBelow { get; init; }

    public bool ExcludeConvertible { get; init; }

    public int? AverageOptionVolumeAbove { get; init; }

    public string ScannerSettingPairs { get; init; } = "";

    /// <summary>"ALL", "CORP", "ADR", "ETF", "REIT", "CEF"…</summary>
    public string StockTypeFilter { get; init; } = "";
}
