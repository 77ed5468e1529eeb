namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// contractData (incoming 10), the reply to reqContractDetails. Layout (IBKR 10.30 <c>EDecoder.ContractDataEvent</c>):
/// <c>10, version[&lt; 164], reqId, symbol, secType, lastTradeDateOrContractMonth, lastTradeDate[≥ 182], strike, right,
/// exchange, currency, localSymbol, marketName, tradingClass, conId, minTick, mdSizeMultiplier[110..163], multiplier,
/// orderTypes, validExchanges, priceMagnifier, underConId, longName(escaped), primaryExch, contractMonth, industry,
/// category, subcategory, timeZoneId, tradingHours, liquidHours, evRule, evMultiplier, secIdListCount,
/// {tag, value}×n, aggGroup, underSymbol, underSecType, marketRuleIds, realExpirationDate, stockType,
/// sizeMinTick[163 only], minSize, sizeIncrement, suggestedSizeIncrement[≥ 164], 17 fund fields[≥ 179 and secType
/// FUND], ineligibilityReasonCount, {id, description}×n[≥ 186]</c>. We write version 8 where a version exists.
/// The wire's lastTradeDateOrContractMonth may carry a time ("20240119 16:00" or "20240119-16:00"): the date goes
/// to Contract.LastTradeDateOrContractMonth and the time to LastTradeTime.
/// </summary>
public sealed record ContractData(int ReqId, ContractDetails Details) : IWireMessage
{
    /// <summary>The version written below server version 164.</summary>
    public const int LegacyVersion = 8;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        ContractDetails d = Details;
        Contract c = d.Contract;
        writer.BeginMessage();
        writer.Write(IncomingMessageId.ContractData);
        if (serverVersion < ServerVersions.SizeRules)
        {
            writer.Write(LegacyVersion);
        }

        writer.Write(ReqId);
        writer.WriteText(c.Symbol);
        writer.WriteText(c.SecType);
        writer.WriteText(d.LastTradeTime.Length == 0
            ? c.LastTradeDateOrContractMonth
            : c.LastTradeDateOrContractMonth + " " + d.LastTradeTime);
        if (serverVersion >= ServerVersions.LastTradeDate)
        {
            writer.WriteText(d.LastTradeDate);
        }

        ContractBlock.WriteStrike(writer, c.Strike);
        writer.WriteText(c.Right);
        writer.WriteText(c.Exchange);
        writer.WriteText(c.Currency);
        writer.WriteText(c.LocalSymbol);
        writer.WriteText(d.MarketName);
        writer.WriteText(c.TradingClass);
        writer.Write(c.ConId);
        writer.Write(d.MinTick);
        if (serverVersion is >= ServerVersions.MdSizeMultiplier and < ServerVersions.SizeRules)
        {
            writer.Write(d.MdSizeMultiplier);
        }

        writer.WriteText(c.Multiplier);
        writer.WriteText(d.OrderTypes);
        writer.WriteText(d.ValidExchanges);
        writer.Write(d.PriceMagnifier);
        writer.Write(d.UnderConId);
        if (serverVersion >= ServerVersions.EncodeMsgAscii7)
        {
            writer.WriteEscaped(d.LongName);
        }
        else
        {
            writer.WriteText(d.LongName);
        }

        writer.WriteText(c.PrimaryExchange);
        writer.WriteText(d.ContractMonth);
        writer.WriteText(d.Industry);
        writer.WriteText(d.Category);
        writer.WriteText(d.Subcategory);
        writer.WriteText(d.TimeZoneId);
        writer.WriteText(d.TradingHours);
        writer.WriteText(d.LiquidHours);
        writer.WriteText(d.EvRule);
        writer.Write(d.EvMultiplier);
        writer.Write(d.SecIdList.Count);
        foreach (KeyValuePair<string, string> tv in d.SecIdList)
        {
            writer.WriteText(tv.Key);
            writer.WriteText(tv.Value);
        }

        ContractDataTail.Write(writer, serverVersion, d);
        writer.EndMessage();
    }

    public static ContractData Decode(ref FieldReader reader, int serverVersion)
        => ContractDataReader.Read(ref reader, serverVersion);
}
