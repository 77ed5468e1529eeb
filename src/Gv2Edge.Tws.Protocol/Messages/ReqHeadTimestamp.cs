namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// reqHeadTimestamp (outgoing 87), server version ≥ 118, no version field (IBKR 10.30 <c>EClient.reqHeadTimestamp</c>):
/// <c>87, reqId, conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, multiplier, exchange,
/// primaryExch, currency, localSymbol, tradingClass, includeExpired, useRTH, whatToShow, formatDate</c>.
/// </summary>
public sealed record ReqHeadTimestamp(int ReqId, Contract Contract, string WhatToShow, bool UseRth, int FormatDate = 1) : IWireMessage
{
    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqHeadTimestamp);
        writer.Write(ReqId);
        ContractBlock.Write13(writer, Contract);
        writer.Write(UseRth);
        writer.Write(WhatToShow);
        writer.Write(FormatDate);
        writer.EndMessage();
    }

    public static ReqHeadTimestamp Decode(ref FieldReader reader, int serverVersion)
    {
        int reqId = reader.ReadInt();
        Contract contract = ContractBlock.Read13(ref reader);
        bool useRth = reader.ReadBool();
        string whatToShow = reader.ReadString();
        return new ReqHeadTimestamp(reqId, contract, whatToShow, useRth, reader.ReadInt());
    }
}
