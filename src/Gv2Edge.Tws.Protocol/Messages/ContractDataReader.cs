namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>Reads contractData (layout on <see cref="ContractData"/>), honouring the message version below 164.</summary>
internal static class ContractDataReader
{
    public static ContractData Read(ref FieldReader r, int serverVersion)
    {
        int version = serverVersion < ServerVersions.SizeRules ? r.ReadInt() : 8;
        int reqId = version >= 3 ? r.ReadInt() : -1;
        string symbol = r.ReadString();
        string secType = r.ReadString();
        (string date, string time) = SplitLastTradeDate(r.ReadString());
        string lastTradeDate = serverVersion >= ServerVersions.LastTradeDate ? r.ReadString() : "";
        var c = new Contract
        {
            Symbol = symbol,
            SecType = secType,
            LastTradeDateOrContractMonth = date,
            Strike = ContractBlock.ReadStrike(ref r),
            Right = r.ReadString(),
            Exchange = r.ReadString(),
            Currency = r.ReadString(),
            LocalSymbol = r.ReadString(),
        };
        string marketName = r.ReadString();
        c = c with { TradingClass = r.ReadString(), ConId = r.ReadInt() };
        double minTick = r.ReadDouble();
        int mdSizeMultiplier = serverVersion is >= ServerVersions.MdSizeMultiplier and < ServerVersions.SizeRules ? r.ReadInt() : 0;
        c = c with { Multiplier = r.ReadString() };
        var d = new ContractDetails
        {
            LastTradeTime = time,
            LastTradeDate = lastTradeDate,
            MarketName = marketName,
            MinTick = minTick,
            MdSizeMultiplier = mdSizeMultiplier,
            OrderTypes = r.ReadString(),
            ValidExchanges = r.ReadString(),
            PriceMagnifier = version >= 2 ? r.ReadInt() : 0,
            UnderConId = version >= 4 ? r.ReadInt() : 0,
        };
        if (version >= 5)
        {
            d = d with { LongName = serverVersion >= ServerVersions.EncodeMsgAscii7 ? r.ReadEscapedString() : r.ReadString() };
            c = c with { PrimaryExchange = r.ReadString() };
        }

        if (version >= 6)
        {
            d = d with
            {
                ContractMonth = r.ReadString(),
                Industry = r.ReadString(),
                Category = r.ReadString(),
                Subcategory = r.ReadString(),
                TimeZoneId = r.ReadString(),
                TradingHours = r.ReadString(),
                LiquidHours = r.ReadString(),
            };
        }

        if (version >= 8)
        {
            d = d with { EvRule = r.ReadString(), EvMultiplier = r.ReadDouble() };
        }

        if (version >= 7)
        {
            int n = r.ReadCount();
            var secIds = new List<KeyValuePair<string, string>>(n);
            for (int i = 0; i < n; i++)
            {
                secIds.Add(new(r.ReadString(), r.ReadString()));
            }

            d = d with { SecIdList = secIds };
        }

        return new ContractData(reqId, ReadTail(ref r, serverVersion, d with { Contract = c }));
    }

    private static ContractDetails ReadTail(ref FieldReader r, int serverVersion, ContractDetails d)
    {
        d = d with
        {
            AggGroup = r.ReadInt(),
            UnderSymbol = r.ReadString(),
            UnderSecType = r.ReadString(),
            MarketRuleIds = r.ReadString(),
            RealExpirationDate = r.ReadString(),
            StockType = r.ReadString(),
        };
        if (serverVersion == ServerVersions.FractionalSizeSupport)
        {
            d = d with { SizeMinTick = r.ReadDecimal() };
        }

        if (serverVersion >= ServerVersions.SizeRules)
        {
            d = d with { MinSize = r.ReadDecimal(), SizeIncrement = r.ReadDecimal(), SuggestedSizeIncrement = r.ReadDecimal() };
        }

        if (serverVersion >= ServerVersions.FundDataFields && d.Contract.SecType == "FUND")
        {
            d = d with { Fund = ReadFund(ref r) };
        }

        if (serverVersion >= ServerVersions.IneligibilityReasons)
        {
            int n = r.ReadCount();
            var reasons = new List<IneligibilityReason>(n);
            for (int i = 0; i < n; i++)
            {
                reasons.Add(new IneligibilityReason(r.ReadString(), r.ReadString()));
            }

            d = d with { IneligibilityReasons = reasons };
        }

        return d;
    }

    private static FundData ReadFund(ref FieldReader r) => new()
    {
        FundName = r.ReadString(),
        FundFamily = r.ReadString(),
        FundType = r.ReadString(),
        FundFrontLoad = r.ReadString(),
        FundBackLoad = r.ReadString(),
        FundBackLoadTimeInterval = r.ReadString(),
        FundManagementFee = r.ReadString(),
        FundClosed = r.ReadBool(),
        FundClosedForNewInvestors = r.ReadBool(),
        FundClosedForNewMoney = r.ReadBool(),
        FundNotifyAmount = r.ReadString(),
        FundMinimumInitialPurchase = r.ReadString(),
        FundSubsequentMinimumPurchase = r.ReadString(),
        FundBlueSkyStates = r.ReadString(),
        FundBlueSkyTerritories = r.ReadString(),
        FundDistributionPolicyIndicator = r.ReadString(),
        FundAssetType = r.ReadString(),
    };

    /// <summary>Splits "date time" or "date-time" as IB's decoder does (extra parts are dropped).</summary>
    private static (string Date, string Time) SplitLastTradeDate(string value)
    {
        string[] parts = value.Contains('-', StringComparison.Ordinal)
            ? value.Split('-')
            : value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => ("", ""),
            1 => (parts[0], ""),
            _ => (parts[0], parts[1]),
        };
    }
}
