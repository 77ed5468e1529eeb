namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// historicalData (incoming 17), all bars in one message. Server version ≥ 124 and &lt; 196 (our whole range), no
/// version field: <c>17, reqId, startDate, endDate, barCount, {date, open, high, low, close, volume(decimal),
/// wap(decimal), barCount(int)}×n</c>; the end of the data set is implicit (this message is it).
/// Below 124: <c>17, version, reqId, [startDate, endDate if version ≥ 2], count, {date, open, high, low, close,
/// volume, wap, hasGaps, [barCount if version ≥ 3]}×n</c> (we write version 3).
/// </summary>
public sealed record HistoricalData(int ReqId, string StartDate, string EndDate, IReadOnlyList<Bar> Bars) : IWireMessage
{
    /// <summary>The version written for layouts below server version 124.</summary>
    public const int LegacyVersion = 3;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        bool legacy = serverVersion < ServerVersions.SyntRealtimeBars;
        writer.BeginMessage();
        writer.Write(IncomingMessageId.HistoricalData);
        if (legacy)
        {
            writer.Write(LegacyVersion);
        }

        writer.Write(ReqId);
        writer.WriteText(StartDate);
        writer.WriteText(EndDate);
        writer.Write(Bars.Count);
        foreach (Bar b in Bars)
        {
            writer.WriteText(b.Date);
            writer.Write(b.Open);
            writer.Write(b.High);
            writer.Write(b.Low);
            writer.Write(b.Close);
            writer.Write(b.Volume);
            writer.Write(b.Wap);
            if (legacy)
            {
                writer.Write("false");
            }

            writer.Write(b.BarCount);
        }

        writer.EndMessage();
    }

    public static HistoricalData Decode(ref FieldReader reader, int serverVersion)
    {
        bool legacy = serverVersion < ServerVersions.SyntRealtimeBars;
        int version = legacy ? reader.ReadInt() : int.MaxValue;
        int reqId = reader.ReadInt();
        string start = "", end = "";
        if (version >= 2)
        {
            start = reader.ReadString();
            end = reader.ReadString();
        }

        int count = reader.ReadCount();
        var bars = new List<Bar>(count);
        for (int i = 0; i < count; i++)
        {
            string date = reader.ReadString();
            double open = reader.ReadDouble();
            double high = reader.ReadDouble();
            double low = reader.ReadDouble();
            double close = reader.ReadDouble();
            decimal? volume = reader.ReadDecimal();
            decimal? wap = reader.ReadDecimal();
            if (legacy)
            {
                reader.Skip(); // hasGaps
            }

            int barCount = version >= 3 ? reader.ReadInt() : -1;
            bars.Add(new Bar(date, open, high, low, close, volume, wap, barCount));
        }

        return new HistoricalData(reqId, start, end, bars);
    }
}
