namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>One row of a scanner result.</summary>
public sealed record ScannerDataRow
{
    /// <summary>Rank, starting at 0.</summary>
    public int Rank { get; init; }

    /// <summary>ConId, symbol, secType, lastTradeDateOrContractMonth, strike, right, exchange, currency, localSymbol, tradingClass.</summary>
    public Contract Contract { get; init; } = new();

    public string MarketName { get; init; } = "";

    public string Distance { get; init; } = "";

    public string Benchmark { get; init; } = "";

    public string Projection { get; init; } = "";

    public string LegsStr { get; init; } = "";
}

/// <summary>
/// scannerData (incoming 20), all server versions: <c>20, version, reqId, count, {rank, conId[version ≥ 3], symbol,
/// secType, lastTradeDateOrContractMonth, strike, right, exchange, currency, localSymbol, marketName, tradingClass,
/// distance, benchmark, projection, legsStr[version ≥ 2]}×n</c>. We write version 3. Each message is a complete
/// result set (IB's decoder raises scannerDataEnd after it).
/// </summary>
public sealed record ScannerData(int ReqId, IReadOnlyList<ScannerDataRow> Rows) : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 3;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.ScannerData);
        writer.Write(Version);
        writer.Write(ReqId);
        writer.Write(Rows.Count);
        foreach (ScannerDataRow row in Rows)
        {
            Contract c = row.Contract;
            writer.Write(row.Rank);
            writer.Write(c.ConId);
            writer.WriteText(c.Symbol);
            writer.WriteText(c.SecType);
            writer.WriteText(c.LastTradeDateOrContractMonth);
            ContractBlock.WriteStrike(writer, c.Strike);
            writer.WriteText(c.Right);
            writer.WriteText(c.Exchange);
            writer.WriteText(c.Currency);
            writer.WriteText(c.LocalSymbol);
            writer.WriteText(row.MarketName);
            writer.WriteText(c.TradingClass);
            writer.WriteText(row.Distance);
            writer.WriteText(row.Benchmark);
            writer.WriteText(row.Projection);
            writer.WriteText(row.LegsStr);
        }

        writer.EndMessage();
    }

    public static ScannerData Decode(ref FieldReader reader, int serverVersion)
    {
        int version = reader.ReadInt();
        int reqId = reader.ReadInt();
        int count = reader.ReadCount();
        var rows = new List<ScannerDataRow>(count);
        for (int i = 0; i < count; i++)
        {
            int rank = reader.ReadInt();
            int conId = version >= 3 ? reader.ReadInt() : 0;
            var contract = new Contract
            {
                ConId = conId,
                Symbol = reader.ReadString(),
                SecType = reader.ReadString(),
                LastTradeDateOrContractMonth = reader.ReadString(),
                Strike = ContractBlock.ReadStrike(ref reader),
                Right = reader.ReadString(),
                Exchange = reader.ReadString(),
                Currency = reader.ReadString(),
                LocalSymbol = reader.ReadString(),
            };
            string marketName = reader.ReadString();
            contract = contract with { TradingClass = reader.ReadString() };
            rows.Add(new ScannerDataRow
            {
                Rank = rank,
                Contract = contract,
                MarketName = marketName,
                Distance = reader.ReadString(),
                Benchmark = reader.ReadString(),
                Projection = reader.ReadString(),
                LegsStr = version >= 2 ? reader.ReadString() : "",
            });
        }

        return new ScannerData(reqId, rows);
    }
}
