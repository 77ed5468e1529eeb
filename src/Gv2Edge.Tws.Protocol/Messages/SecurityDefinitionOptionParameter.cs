namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// securityDefinitionOptionParameter (incoming 75), server version ≥ 104, no version field: <c>75, reqId, exchange,
/// underlyingConId, tradingClass, multiplier, expirationCount, expirations…(yyyyMMdd), strikeCount, strikes…(double)</c>.
/// </summary>
public sealed record SecurityDefinitionOptionParameter(
    int ReqId,
    string Exchange,
    int UnderlyingConId,
    string TradingClass,
    string Multiplier,
    IReadOnlyList<string> Expirations,
    IReadOnlyList<double> Strikes) : IWireMessage
{
    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.SecurityDefinitionOptionParameter);
        writer.Write(ReqId);
        writer.WriteText(Exchange);
        writer.Write(UnderlyingConId);
        writer.WriteText(TradingClass);
        writer.WriteText(Multiplier);
        writer.Write(Expirations.Count);
        foreach (string e in Expirations)
        {
            writer.WriteText(e);
        }

        writer.Write(Strikes.Count);
        foreach (double s in Strikes)
        {
            writer.Write(s);
        }

        writer.EndMessage();
    }

    public static SecurityDefinitionOptionParameter Decode(ref FieldReader reader, int serverVersion)
    {
        int reqId = reader.ReadInt();
        string exchange = reader.ReadString();
        int underlying = reader.ReadInt();
        string tradingClass = reader.ReadString();
        string multiplier = reader.ReadString();
        int expCount = reader.ReadCount();
        var expirations = new List<string>(expCount);
        for (int i = 0; i < expCount; i++)
        {
            expirations.Add(reader.ReadString());
        }

        int strikeCount = reader.ReadCount();
        var strikes = new List<double>(strikeCount);
        for (int i = 0; i < strikeCount; i++)
        {
            strikes.Add(reader.ReadDouble());
        }

        return new SecurityDefinitionOptionParameter(reqId, exchange, underlying, tradingClass, multiplier, expirations, strikes);
    }
}
