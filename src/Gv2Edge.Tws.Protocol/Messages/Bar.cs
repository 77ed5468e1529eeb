namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// One historical bar. Date is as IB sends it (<c>yyyyMMdd HH:mm:ss [zone]</c>, <c>yyyyMMdd</c>, or epoch seconds
/// when formatDate = 2). Volume and Wap are null when unset; BarCount is -1 when the layout has none.
/// </summary>
public sealed record Bar(string Date, double Open, double High, double Low, double Close, decimal? Volume, decimal? Wap, int BarCount);
