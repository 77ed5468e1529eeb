namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// reqScannerSubscription (outgoing 22), server version ≥ 143 (our whole range), no version field (IBKR 10.30
/// <c>EClient.reqScannerSubscription</c>): <c>22, reqId, numberOfRows(Max), instrument, locationCode, scanCode,
/// abovePrice(Max), belowPrice(Max), aboveVolume(Max), marketCapAbove(Max), marketCapBelow(Max), moodyRatingAbove,
/// moodyRatingBelow, spRatingAbove, spRatingBelow, maturityDateAbove, maturityDateBelow, couponRateAbove(Max),
/// couponRateBelow(Max), excludeConvertible, averageOptionVolumeAbove(Max), scannerSettingPairs, stockTypeFilter,
/// scannerSubscriptionFilterOptions, scannerSubscriptionOptions</c> — filter options before subscription options.
/// Below 143 a version 4 follows the id and the filter options are absent.
/// </summary>
public sealed record ReqScannerSubscription(int ReqId, ScannerSubscription Subscription) : IWireMessage
{
    /// <summary>The version written below server version 143.</summary>
    public const int LegacyVersion = 4;

    /// <summary>Filter options (e.g. priceAbove=5), the usual way to filter a scan.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FilterOptions { get; init; } = TagValues.Empty;

    /// <summary>Subscription options (IB documents them as internal; normally empty).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SubscriptionOptions { get; init; } = TagValues.Empty;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        bool generic = serverVersion >= ServerVersions.ScannerGenericOpts;
        ScannerSubscription s = Subscription;
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqScannerSubscription);
        if (!generic)
        {
            writer.Write(LegacyVersion);
        }

        writer.Write(ReqId);
        writer.WriteMax(s.NumberOfRows);
        writer.Write(s.Instrument);
        writer.Write(s.LocationCode);
        writer.Write(s.ScanCode);
        writer.WriteMax(s.AbovePrice);
        writer.WriteMax(s.BelowPrice);
        writer.WriteMax(s.AboveVolume);
        writer.WriteMax(s.MarketCapAbove);
        writer.WriteMax(s.MarketCapBelow);
        writer.Write(s.MoodyRatingAbove);
        writer.Write(s.MoodyRatingBelow);
        writer.Write(s.SpRatingAbove);
        writer.Write(s.SpRatingBelow);
        writer.Write(s.MaturityDateAbove);
        writer.Write(s.MaturityDateBelow);
        writer.WriteMax(s.CouponRateAbove);
        writer.WriteMax(s.CouponRateBelow);
        writer.Write(s.ExcludeConvertible);
        writer.WriteMax(s.AverageOptionVolumeAbove);
        writer.Write(s.ScannerSettingPairs);
        writer.Write(s.StockTypeFilter);
        if (generic)
        {
            writer.Write(FilterOptions);
        }

        writer.Write(SubscriptionOptions);
        writer.EndMessage();
    }

    public static ReqScannerSubscription Decode(ref FieldReader reader, int serverVersion)
    {
        bool generic = serverVersion >= ServerVersions.ScannerGenericOpts;
        if (!generic)
        {
            reader.Skip(); // version
        }

        int reqId = reader.ReadInt();
        var s = new ScannerSubscription
        {
            NumberOfRows = reader.ReadIntMax(),
            Instrument = reader.ReadString(),
            LocationCode = reader.ReadString(),
            ScanCode = reader.ReadString(),
            AbovePrice = reader.ReadDoubleMax(),
            BelowPrice = reader.ReadDoubleMax(),
            AboveVolume = reader.ReadIntMax(),
            MarketCapAbove = reader.ReadDoubleMax(),
            MarketCapBelow = reader.ReadDoubleMax(),
            MoodyRatingAbove = reader.ReadString(),
            MoodyRatingBelow = reader.ReadString(),
            SpRatingAbove = reader.ReadString(),
            SpRatingBelow = reader.ReadString(),
            MaturityDateAbove = reader.ReadString(),
            MaturityDateBelow = reader.ReadString(),
            CouponRateAbove = reader.ReadDoubleMax(),
            CouponRateBelow = reader.ReadDoubleMax(),
            ExcludeConvertible = reader.ReadBool(),
            AverageOptionVolumeAbove = reader.ReadIntMax(),
            ScannerSettingPairs = reader.ReadString(),
            StockTypeFilter = reader.ReadString(),
        };
        var filters = generic ? TagValues.Read(ref reader) : TagValues.Empty;
        return new ReqScannerSubscription(reqId, s) { FilterOptions = filters, SubscriptionOptions = TagValues.Read(ref reader) };
    }
}
