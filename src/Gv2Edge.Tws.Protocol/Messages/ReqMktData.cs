namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// reqMktData (outgoing 1), version 11 (IBKR 10.30 <c>EClient.reqMktData</c>); for server versions ≥ 114 (our whole
/// range): <c>1, 11, reqId, conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, multiplier, exchange,
/// primaryExch, currency, localSymbol, tradingClass, [legCount(0), only when secType is BAG], deltaNeutral(0),
/// genericTickList, snapshot, regulatorySnapshot, mktDataOptions</c>. Combo legs and delta-neutral contracts are not
/// supported: we write none and skip them when reading.
/// </summary>
public sealed record ReqMktData(int ReqId, Contract Contract, string GenericTickList = "", bool Snapshot = false,
    bool RegulatorySnapshot = false) : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 11;

    /// <summary>mktDataOptions (IB documents it as internal; normally empty).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> MktDataOptions { get; init; } = TagValues.Empty;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqMktData);
        writer.Write(Version);
        writer.Write(ReqId);
        ContractBlock.Write12(writer, Contract);
        if (Contract.SecType == "BAG")
        {
            writer.Write(0);
        }

        writer.Write(false); // no delta-neutral contract
        writer.Write(GenericTickList);
        writer.Write(Snapshot);
        writer.Write(RegulatorySnapshot);
        writer.Write(MktDataOptions);
        writer.EndMessage();
    }

    public static ReqMktData Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        int reqId = reader.ReadInt();
        Contract contract = ContractBlock.Read12(ref reader);
        if (contract.SecType == "BAG")
        {
            int legs = reader.ReadCount();
            reader.Skip(legs * 4);
        }

        if (reader.ReadBool())
        {
            reader.Skip(3); // delta-neutral conId, delta, price
        }

        string generic = reader.ReadString();
        bool snapshot = reader.ReadBool();
        bool regulatory = reader.ReadBool();
        return new ReqMktData(reqId, contract, generic, snapshot, regulatory) { MktDataOptions = TagValues.Read(ref reader) };
    }
}
