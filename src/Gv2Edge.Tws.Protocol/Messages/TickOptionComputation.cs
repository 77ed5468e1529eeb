namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// tickOptionComputation (incoming 21). Server version ≥ 156 (PRICE_BASED_VOLATILITY, so our whole range) has no
/// version field: <c>21, reqId, tickType, tickAttrib, impliedVol, delta, optPrice, pvDividend, gamma, vega, theta,
/// undPrice</c>. Below 156: <c>21, version, reqId, tickType, impliedVol, delta, [optPrice, pvDividend when version ≥ 6
/// or tickType is 13/83], [gamma, vega, theta, undPrice when version ≥ 6]</c>.
/// "Not computed" sentinels on the wire: -1 for impliedVol, optPrice, pvDividend, undPrice; -2 for delta, gamma, vega,
/// theta; they (and Double.MaxValue) read as null and null is written back as the sentinel.
/// tickAttrib: 0 return-based, 1 price-based (int.MaxValue when the layout has none).
/// </summary>
public readonly record struct TickOptionComputation(
    int ReqId,
    int TickType,
    int TickAttrib,
    double? ImpliedVol,
    double? Delta,
    double? OptPrice,
    double? PvDividend,
    double? Gamma,
    double? Vega,
    double? Theta,
    double? UndPrice) : IWireMessage
{
    /// <summary>The message version written for layouts below server version 156.</summary>
    public const int LegacyVersion = 6;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.TickOptionComputation);
        bool modern = serverVersion >= ServerVersions.PriceBasedVolatility;
        if (!modern)
        {
            writer.Write(LegacyVersion);
        }

        writer.Write(ReqId);
        writer.Write(TickType);
        if (modern)
        {
            writer.Write(TickAttrib);
        }

        writer.Write(ImpliedVol ?? -1d);
        writer.Write(Delta ?? -2d);
        writer.Write(OptPrice ?? -1d);
        writer.Write(PvDividend ?? -1d);
        writer.Write(Gamma ?? -2d);
        writer.Write(Vega ?? -2d);
        writer.Write(Theta ?? -2d);
        writer.Write(UndPrice ?? -1d);
        writer.EndMessage();
    }

    public static TickOptionComputation Decode(ref FieldReader reader, int serverVersion)
    {
        bool modern = serverVersion >= ServerVersions.PriceBasedVolatility;
        int version = modern ? int.MaxValue : reader.ReadInt();
        int reqId = reader.ReadInt();
        int tickType = reader.ReadInt();
        int attrib = modern ? reader.ReadInt() : int.MaxValue;
        double? iv = Read(ref reader, -1d);
        double? delta = Read(ref reader, -2d);
        double? optPrice = null, pvDividend = null, gamma = null, vega = null, theta = null, undPrice = null;
        if (version >= 6 || tickType is 13 or 83)
        {
            optPrice = Read(ref reader, -1d);
            pvDividend = Read(ref reader, -1d);
        }

        if (version >= 6)
        {
            gamma = Read(ref reader, -2d);
            vega = Read(ref reader, -2d);
            theta = Read(ref reader, -2d);
            undPrice = Read(ref reader, -1d);
        }

        return new TickOptionComputation(reqId, tickType, attrib, iv, delta, optPrice, pvDividend, gamma, vega, theta, undPrice);
    }

    private static double? Read(ref FieldReader reader, double notComputed)
    {
        double v = reader.ReadDouble();
        return v == notComputed || v == double.MaxValue ? null : v;
    }
}
