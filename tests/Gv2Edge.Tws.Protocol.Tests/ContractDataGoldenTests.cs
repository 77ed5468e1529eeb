using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol.Tests;

/// <summary>
/// contractData (10) at every gate between 157 and 187, by hand from IBKR's official decoder 10.30.01
/// (repository xqguo/twsapi, source/CSharpClient/client/EDecoder.cs, ContractDataEvent): the version field and
/// mdSizeMultiplier up to 163, sizeMinTick at 163 only, min sizes from 164, fund fields from 179 (FUND only),
/// lastTradeDate from 182, ineligibility reasons from 186.
/// </summary>
public class ContractDataGoldenTests
{
    private static ContractDetails Aapl(int v) => new()
    {
        Contract = new Contract
        {
            ConId = 265598,
            Symbol = "AAPL",
            SecType = "STK",
            Exchange = "SMART",
            PrimaryExchange = "NASDAQ",
            Currency = "USD",
            LocalSymbol = "AAPL",
            TradingClass = "NMS",
        },
        MarketName = "NMS",
        MinTick = 0.01,
        MdSizeMultiplier = v < 164 ? 1 : 0,
        OrderTypes = "ACTIVETIM,LMT,MKT",
        ValidExchanges = "SMART,NASDAQ",
        PriceMagnifier = 1,
        LongName = "APPLE INC",
        Industry = "Technology",
        Category = "Computers",
        Subcategory = "Computers",
        TimeZoneId = "US/Eastern",
        TradingHours = "20240102:0400-20240102:2000",
        LiquidHours = "20240102:0930-20240102:1600",
        SecIdList = [new("ISIN", "US0378331005")],
        AggGroup = 1,
        MarketRuleIds = "26",
        StockType = "COMMON",
        SizeMinTick = v == 163 ? 0.0001m : null,
        MinSize = v >= 164 ? 1m : null,
        SizeIncrement = v >= 164 ? 1m : null,
        SuggestedSizeIncrement = v >= 164 ? 100m : null,
    };

    private static string[] Head(int v) => v < 164 ? ["10", "8", "4"] : ["10", "4"];

    private static readonly string[] Names = ["AAPL", "STK", ""];

    private static string[] Middle(int v) =>
    [
        "0", "", "SMART", "USD", "AAPL", "NMS", "NMS", "265598", "0.01", .. (v < 164 ? new[] { "1" } : []),
        "", "ACTIVETIM,LMT,MKT", "SMART,NASDAQ", "1", "0", "APPLE INC", "NASDAQ", "", "Technology", "Computers",
        "Computers", "US/Eastern", "20240102:0400-20240102:2000", "20240102:0930-20240102:1600", "", "0",
        "1", "ISIN", "US0378331005", "1", "", "", "26", "", "COMMON",
    ];

    private static string[] Fields(int v) =>
    [
        .. Head(v), .. Names, .. (v >= 182 ? new[] { "" } : []), .. Middle(v),
        .. (v == 163 ? new[] { "0.0001" } : []),
        .. (v >= 164 ? new[] { "1", "1", "100" } : []),
        .. (v >= 186 ? new[] { "0" } : []),
    ];

    [Theory]
    [InlineData(157)]
    [InlineData(162)]
    [InlineData(163)]
    [InlineData(164)]
    [InlineData(176)]
    [InlineData(178)]
    [InlineData(179)]
    [InlineData(181)]
    [InlineData(182)]
    [InlineData(185)]
    [InlineData(186)]
    [InlineData(187)]
    public void ContractData_layout_follows_every_gate(int v)
    {
        var m = new ContractData(4, Aapl(v));
        var back = (ContractData)Golden.IncomingWithLists(m, v, Fields(v));
        Assert.Equal(m.Details.Contract, back.Details.Contract);
        Assert.Equal(m.Details with { SecIdList = back.Details.SecIdList, IneligibilityReasons = back.Details.IneligibilityReasons }, back.Details);
        Assert.Equal(m.Details.SecIdList, back.Details.SecIdList);
    }

    [Fact]
    public void ContractData_from_182_carries_lastTradeDate_and_splits_the_expiry_time()
    {
        var d = Aapl(187) with
        {
            Contract = Aapl(187).Contract with { SecType = "OPT", LastTradeDateOrContractMonth = "20250117", Strike = 150, Right = "C" },
            LastTradeTime = "16:00",
            LastTradeDate = "20250117",
            IneligibilityReasons = [new IneligibilityReason("1", "No trading permissions")],
        };
        string[] expected =
        [
            "10", "4", "AAPL", "OPT", "20250117 16:00", "20250117", "150", "C", "SMART", "USD", "AAPL", "NMS", "NMS", "265598", "0.01",
            "", "ACTIVETIM,LMT,MKT", "SMART,NASDAQ", "1", "0", "APPLE INC", "NASDAQ", "", "Technology", "Computers",
            "Computers", "US/Eastern", "20240102:0400-20240102:2000", "20240102:0930-20240102:1600", "", "0",
            "1", "ISIN", "US0378331005", "1", "", "", "26", "", "COMMON", "1", "1", "100", "1", "1", "No trading permissions",
        ];
        var back = (ContractData)Golden.IncomingWithLists(new ContractData(4, d), 187, expected);
        Assert.Equal(("20250117", "16:00", 150d), (back.Details.Contract.LastTradeDateOrContractMonth, back.Details.LastTradeTime, back.Details.Contract.Strike));
        Assert.Equal(d.IneligibilityReasons, back.Details.IneligibilityReasons);
    }

    [Fact]
    public void ContractData_expiry_with_a_dash_or_a_zone_is_split_like_the_official_decoder()
    {
        string[] f = Fields(178);
        f[4] = "20250117-16:00";
        var r = new Recorder();
        IncomingDecoder.Decode(Wire.Payload(f), 178, r);
        Assert.Equal("16:00", ((ContractData)r.Last).Details.LastTradeTime);
        f[4] = "20250117 16:00 US/Eastern";
        r = new Recorder();
        IncomingDecoder.Decode(Wire.Payload(f), 178, r);
        Assert.Equal(("20250117", "16:00"), (((ContractData)r.Last).Details.Contract.LastTradeDateOrContractMonth, ((ContractData)r.Last).Details.LastTradeTime));
    }

    [Theory]
    [InlineData(178, false)]
    [InlineData(179, true)]
    [InlineData(187, true)]
    public void ContractData_fund_fields_exist_from_179_for_funds_only(int v, bool hasFund)
    {
        var fund = new FundData { FundName = "Vanguard 500", FundFamily = "Vanguard", FundClosed = true, FundAssetType = "001" };
        var d = Aapl(v) with { Contract = Aapl(v).Contract with { SecType = "FUND" }, Fund = hasFund ? fund : null };
        string[] fundFields = ["Vanguard 500", "Vanguard", "", "", "", "", "", "1", "0", "0", "", "", "", "", "", "", "001"];
        string[] names = ["AAPL", "FUND", ""];
        string[] expected =
        [
            .. Head(v), .. names, .. (v >= 182 ? new[] { "" } : []), .. Middle(v), "1", "1", "100",
            .. (hasFund ? fundFields : []), .. (v >= 186 ? new[] { "0" } : []),
        ];
        var back = (ContractData)Golden.IncomingWithLists(new ContractData(4, d), v, expected);
        Assert.Equal(d.Fund, back.Details.Fund);
    }

    [Fact]
    public void ContractData_long_name_is_unescaped()
    {
        var d = Aapl(187) with { LongName = "Société Générale" };
        string[] f = Fields(187);
        f[Array.IndexOf(f, "APPLE INC")] = "Soci\\u00e9t\\u00e9 G\\u00e9n\\u00e9rale";
        var back = (ContractData)Golden.IncomingWithLists(new ContractData(4, d), 187, f);
        Assert.Equal("Société Générale", back.Details.LongName);
    }
}
