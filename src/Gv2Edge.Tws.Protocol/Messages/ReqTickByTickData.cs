namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// reqTickByTickData (outgoing 97), server version ≥ 137, no version field (IBKR 10.30 <c>EClient.reqTickByTickData</c>):
/// <c>97, reqId, conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, multiplier, exchange,
/// primaryExch, currency, localSymbol, tradingClass, tickType, numberOfTicks[≥ 140], ignoreSize[≥ 140]</c>.
/// TickType is "Last", "AllLast", "BidAsk" or "MidPoint" (case-sensitive).
/// </summary>
public sealed record ReqTickByTickData(int ReqId, Contract Contract, string TickType, int NumberOfTicks = 0, bool IgnoreSize = false) : IWireMessage
{
    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqTickByTickData);
        writer.Write(ReqId);
        ContractBlock.Write12(writer, Contract);
        writer.Write(TickType);
        if (serverVersion >= ServerVersions.TickByTickIgnoreSize)
        {
            writer.Write(NumberOfTicks);
            writer.Write(IgnoreSize);
        }

        writer.EndMessage();
    }

    public static ReqTickByTickData Decode(ref FieldReader reader, int serverVersion)
    {
        int reqId = reader.ReadInt();
        Contract contract = ContractBlock.Read12(ref reader);
        string tickType = reader.ReadString();
        if (serverVersion < ServerVersions.TickByTickIgnoreSize)
        {
            return new ReqTickByTickData(reqId, contract, tickType);
        }

        int n = reader.ReadInt();
        return new ReqTickByTickData(reqId, contract, tickType, n, reader.ReadBool());
    }
}
