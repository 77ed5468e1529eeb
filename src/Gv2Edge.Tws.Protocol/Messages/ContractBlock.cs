namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// The contract fields requests share (IBKR 10.30 <c>EClient</c>): the 12-field block conId, symbol, secType,
/// lastTradeDateOrContractMonth, strike, right, multiplier, exchange, primaryExch, currency, localSymbol,
/// tradingClass, optionally followed by includeExpired.
/// </summary>
public static class ContractBlock
{
    /// <summary>Writes the 12 fields (no includeExpired), as reqMktData and reqTickByTickData do.</summary>
    public static void Write12(MessageWriter w, Contract c)
    {
        w.Write(c.ConId);
        w.Write(c.Symbol);
        w.Write(c.SecType);
        w.Write(c.LastTradeDateOrContractMonth);
        WriteStrike(w, c.Strike);
        w.Write(c.Right);
        w.Write(c.Multiplier);
        w.Write(c.Exchange);
        w.Write(c.PrimaryExchange);
        w.Write(c.Currency);
        w.Write(c.LocalSymbol);
        w.Write(c.TradingClass);
    }

    /// <summary>Writes the 12 fields then includeExpired (reqHistoricalData, reqHeadTimestamp).</summary>
    public static void Write13(MessageWriter w, Contract c)
    {
        Write12(w, c);
        w.Write(c.IncludeExpired);
    }

    /// <summary>Reads the 12-field block.</summary>
    public static Contract Read12(ref FieldReader r) => new()
    {
        ConId = r.ReadInt(),
        Symbol = r.ReadString(),
        SecType = r.ReadString(),
        LastTradeDateOrContractMonth = r.ReadString(),
        Strike = ReadStrike(ref r),
        Right = r.ReadString(),
        Multiplier = r.ReadString(),
        Exchange = r.ReadString(),
        PrimaryExchange = r.ReadString(),
        Currency = r.ReadString(),
        LocalSymbol = r.ReadString(),
        TradingClass = r.ReadString(),
    };

    /// <summary>Reads the 12-field block followed by includeExpired.</summary>
    public static Contract Read13(ref FieldReader r)
    {
        Contract c = Read12(ref r);
        return c with { IncludeExpired = r.ReadBool() };
    }

    /// <summary>A strike as the official client writes it: a plain double, unset being its default 0.</summary>
    public static void WriteStrike(MessageWriter w, double? strike) => w.Write(strike ?? 0d);

    /// <summary>A strike; "", "0" and Double.MaxValue mean unset (null).</summary>
    public static double? ReadStrike(ref FieldReader r)
    {
        double? v = r.ReadDoubleMax();
        return v is 0d ? null : v;
    }
}
