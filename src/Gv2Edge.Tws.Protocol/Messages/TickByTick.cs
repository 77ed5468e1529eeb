namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// tickByTick (incoming 99), server version ≥ 137, no version field: <c>99, reqId, tickType, time(epoch s)</c>, then by
/// tickType: 1 Last / 2 AllLast <c>price, size(decimal), attrMask, exchange, specialConditions</c> (mask bit 0
/// pastLimit, bit 1 unreported); 3 BidAsk <c>bidPrice, askPrice, bidSize, askSize, attrMask</c> (bit 0 bidPastLow,
/// bit 1 askPastHigh); 4 MidPoint <c>midPoint</c>; 0 none. Fields of the other kinds stay at their defaults.
/// </summary>
public sealed record TickByTick : IWireMessage
{
    public int ReqId { get; init; }

    /// <summary>0 none, 1 Last, 2 AllLast, 3 BidAsk, 4 MidPoint.</summary>
    public int TickType { get; init; }

    /// <summary>Epoch seconds.</summary>
    public long Time { get; init; }

    /// <summary>Last / AllLast: trade price.</summary>
    public double Price { get; init; }

    /// <summary>Last / AllLast: trade size.</summary>
    public decimal? Size { get; init; }

    /// <summary>Attribute bits (see the type's summary).</summary>
    public int AttrMask { get; init; }

    /// <summary>Last / AllLast: exchange.</summary>
    public string Exchange { get; init; } = "";

    /// <summary>Last / AllLast: special conditions.</summary>
    public string SpecialConditions { get; init; } = "";

    public double BidPrice { get; init; }

    public double AskPrice { get; init; }

    public decimal? BidSize { get; init; }

    public decimal? AskSize { get; init; }

    public double MidPoint { get; init; }

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.TickByTick);
        writer.Write(ReqId);
        writer.Write(TickType);
        writer.Write(Time);
        switch (TickType)
        {
            case 1 or 2:
                writer.Write(Price);
                writer.Write(Size);
                writer.Write(AttrMask);
                writer.WriteText(Exchange);
                writer.WriteText(SpecialConditions);
                break;
            case 3:
                writer.Write(BidPrice);
                writer.Write(AskPrice);
                writer.Write(BidSize);
                writer.Write(AskSize);
                writer.Write(AttrMask);
                break;
            case 4:
                writer.Write(MidPoint);
                break;
        }

        writer.EndMessage();
    }

    public static TickByTick Decode(ref FieldReader reader, int serverVersion)
    {
        var t = new TickByTick { ReqId = reader.ReadInt(), TickType = reader.ReadInt(), Time = reader.ReadLong() };
        return t.TickType switch
        {
            1 or 2 => t with
            {
                Price = reader.ReadDouble(),
                Size = reader.ReadDecimal(),
                AttrMask = reader.ReadInt(),
                Exchange = reader.ReadString(),
                SpecialConditions = reader.ReadString(),
            },
            3 => t with
            {
                BidPrice = reader.ReadDouble(),
                AskPrice = reader.ReadDouble(),
                BidSize = reader.ReadDecimal(),
                AskSize = reader.ReadDecimal(),
                AttrMask = reader.ReadInt(),
            },
            4 => t with { MidPoint = reader.ReadDouble() },
            _ => t,
        };
    }
}
