namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// reqContractDetails (outgoing 9), version 8 (IBKR 10.30 <c>EClient.reqContractDetails</c>); for server versions ≥ 75:
/// <c>9, 8, reqId, conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, multiplier, exchange,
/// primaryExch, currency, localSymbol, tradingClass, includeExpired, secIdType, secId, issuerId[≥ 176]</c>.
/// </summary>
public sealed record ReqContractDetails(int ReqId, Contract Contract) : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 8;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        Contract c = Contract;
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqContractDetails);
        writer.Write(Version);
        writer.Write(ReqId);
        ContractBlock.Write13(writer, c);
        writer.Write(c.SecIdType);
        writer.Write(c.SecId);
        if (serverVersion >= ServerVersions.BondIssuerId)
        {
            writer.Write(c.IssuerId);
        }

        writer.EndMessage();
    }

    public static ReqContractDetails Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        int reqId = reader.ReadInt();
        Contract c = ContractBlock.Read13(ref reader);
        c = c with { SecIdType = reader.ReadString(), SecId = reader.ReadString() };
        if (serverVersion >= ServerVersions.BondIssuerId)
        {
            c = c with { IssuerId = reader.ReadString() };
        }

        return new ReqContractDetails(reqId, c);
    }
}
