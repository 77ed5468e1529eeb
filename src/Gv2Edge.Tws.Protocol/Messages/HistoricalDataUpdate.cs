namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// historicalDataUpdate (incoming 90, keepUpToDate), server version ≥ 124, no version field:
/// <c>90, reqId, barCount, date, open, close, high, low, wap(decimal), volume(decimal)</c> — note open, close, high,
/// low, and WAP before volume.
/// </summary>
public sealed record HistoricalDataUpdate(int ReqId, Bar Bar) : IWireMessage
{
    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.HistoricalDataUpdate);
        writer.Write(ReqId);
        writer.Write(Bar.BarCount);
        writer.WriteText(Bar.Date);
        writer.Write(Bar.Open);
        writer.Write(Bar.Close);
        writer.Write(Bar.High);
        writer.Write(Bar.Low);
        writer.Write(Bar.Wap);
        writer.Write(Bar.Volume);
        writer.EndMessage();
    }

    public static HistoricalDataUpdate Decode(ref FieldReader reader, int serverVersion)
    {
        int reqId = reader.ReadInt();
        int barCount = reader.ReadInt();
        string date = reader.ReadString();
        double open = reader.ReadDouble();
        double close = reader.ReadDouble();
        double high = reader.ReadDouble();
        double low = reader.ReadDouble();
        decimal? wap = reader.ReadDecimal();
        decimal? volume = reader.ReadDecimal();
        return new HistoricalDataUpdate(reqId, new Bar(date, open, high, low, close, volume, wap, barCount));
    }
}
