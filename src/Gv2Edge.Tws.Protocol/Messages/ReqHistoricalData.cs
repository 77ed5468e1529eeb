namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// reqHistoricalData (outgoing 20), server version ≥ 124 (our whole range), no version field (IBKR 10.30
/// <c>EClient.reqHistoricalData</c>): <c>20, reqId, conId, symbol, secType, lastTradeDateOrContractMonth, strike,
/// right, multiplier, exchange, primaryExch, currency, localSymbol, tradingClass, includeExpired, endDateTime,
/// barSizeSetting, durationStr, useRTH, whatToShow, formatDate, [legCount(0), only when secType is BAG],
/// keepUpToDate, chartOptions</c>. Below 124 a version 6 follows the id and keepUpToDate is absent.
/// </summary>
public sealed record ReqHistoricalData(int ReqId, Contract Contract, string EndDateTime, string BarSizeSetting,
    string DurationStr, bool UseRth, string WhatToShow, int FormatDate = 1, bool KeepUpToDate = false) : IWireMessage
{
    /// <summary>The version written below server version 124.</summary>
    public const int LegacyVersion = 6;

    /// <summary>chartOptions (IB documents it as internal; normally empty).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ChartOptions { get; init; } = TagValues.Empty;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        bool modern = serverVersion >= ServerVersions.SyntRealtimeBars;
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqHistoricalData);
        if (!modern)
        {
            writer.Write(LegacyVersion);
        }

        writer.Write(ReqId);
        ContractBlock.Write13(writer, Contract);
        writer.Write(EndDateTime);
        writer.Write(BarSizeSetting);
        writer.Write(DurationStr);
        writer.Write(UseRth);
        writer.Write(WhatToShow);
        writer.Write(FormatDate);
        if (Contract.SecType == "BAG")
        {
            writer.Write(0);
        }

        if (modern)
        {
            writer.Write(KeepUpToDate);
        }

        writer.Write(ChartOptions);
        writer.EndMessage();
    }

    public static ReqHistoricalData Decode(ref FieldReader reader, int serverVersion)
    {
        bool modern = serverVersion >= ServerVersions.SyntRealtimeBars;
        if (!modern)
        {
            reader.Skip(); // version
        }

        int reqId = reader.ReadInt();
        Contract contract = ContractBlock.Read13(ref reader);
        string end = reader.ReadString();
        string barSize = reader.ReadString();
        string duration = reader.ReadString();
        bool useRth = reader.ReadBool();
        string whatToShow = reader.ReadString();
        int formatDate = reader.ReadInt();
        if (contract.SecType == "BAG")
        {
            reader.Skip(reader.ReadCount() * 4);
        }

        bool keepUpToDate = modern && reader.ReadBool();
        return new ReqHistoricalData(reqId, contract, end, barSize, duration, useRth, whatToShow, formatDate, keepUpToDate)
        {
            ChartOptions = TagValues.Read(ref reader),
        };
    }
}
