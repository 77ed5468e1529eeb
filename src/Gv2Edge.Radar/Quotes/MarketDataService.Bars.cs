using Gv2Edge.Market;
using Gv2Edge.Radar.Services;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.Protocol.Messages;
using Bar = Gv2Edge.Market.Bar;
using WireBar = Gv2Edge.Tws.Protocol.Messages.Bar;

namespace Gv2Edge.Radar.Quotes;

public sealed partial class MarketDataService
{
    /// <summary>
    /// TRADES bars of <paramref name="symbol"/>, extended hours included unless <paramref name="rthOnly"/>. Times are
    /// bar starts in exchange time (the offset makes them exact in UTC too); intraday bars carry their session.
    /// </summary>
    /// <param name="symbol">The ticker.</param>
    /// <param name="duration">IB duration, e.g. "1 D", "3600 S", "2 W".</param>
    /// <param name="barSize">IB bar size, e.g. "5 mins", "1 day".</param>
    /// <param name="rthOnly">Regular hours only. Default false.</param>
    /// <param name="end">End of the window; null = now.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<BarRow>> GetBarsAsync(string symbol, string duration, string barSize, bool rthOnly = false,
        DateTimeOffset? end = null, CancellationToken cancellationToken = default)
    {
        string s = ContractResolver.Normalize(symbol);
        ContractDetails details = await Qualify(s, cancellationToken).ConfigureAwait(false);
        List<(Bar Bar, bool Daily)> bars = await FetchAsync(s, details, end, duration, barSize, rthOnly, cancellationToken).ConfigureAwait(false);
        return bars.Select(x => new BarRow(x.Bar.Time, x.Bar.Open, x.Bar.High, x.Bar.Low, x.Bar.Close, x.Bar.Volume,
            x.Bar.Vwap is { } v && v > 0 ? v : null, x.Bar.Count is >= 0 ? x.Bar.Count : null,
            x.Daily ? null : SessionLabel(_sessions.SessionAt(x.Bar.Time)))).ToList();
    }

    /// <summary>
    /// The extended-hours profile of <paramref name="day"/> from 1-minute TRADES bars (previous close, pre-market
    /// high/low/volume/last, RTH close, after-hours volume/last).
    /// </summary>
    public async Task<DayProfile> GetDayProfileAsync(string symbol, DateOnly day, CancellationToken cancellationToken = default)
    {
        string s = ContractResolver.Normalize(symbol);
        ContractDetails details = await Qualify(s, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = await NowAsync(cancellationToken).ConfigureAwait(false);
        return await DayProfileAsync(s, details, day, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DayProfile> DayProfileAsync(string symbol, ContractDetails details, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        TradingDay td = _sessions.Calendar.GetDay(day);
        DateTimeOffset preOpen = td.PreOpen ?? ExchangeTime.At(day, new TimeOnly(4, 0));
        DateTimeOffset? end = td.PostClose is { } close && close < now ? close : null;
        // IB allows 1-minute bars for up to one day; asking for exactly the seconds since 04:00 stays inside that.
        long seconds = Math.Clamp((long)Math.Ceiling(((end ?? now) - preOpen).TotalSeconds / 60) * 60, 60, 86_400);
        string secondsText = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " S";
        Task<List<(Bar Bar, bool Daily)>> minutes = FetchAsync(symbol, details, end, secondsText, "1 min", false, cancellationToken);
        Task<List<(Bar Bar, bool Daily)>> daily = FetchAsync(symbol, details, preOpen, "5 D", "1 day", true, cancellationToken);
        List<(Bar Bar, bool Daily)> m = await minutes.ConfigureAwait(false);
        List<(Bar Bar, bool Daily)> d = await daily.ConfigureAwait(false);
        return DayProfile.FromBars([.. m.Select(b => b.Bar)], [.. d.Select(b => b.Bar)], day, _sessions.Calendar);
    }

    private async Task<List<(Bar Bar, bool Daily)>> FetchAsync(string symbol, ContractDetails details, DateTimeOffset? end, string duration,
        string barSize, bool rthOnly, CancellationToken cancellationToken)
    {
        HistoricalData data;
        try
        {
            data = await _client.GetHistoricalBarsAsync(ContractResolver.ForMarketData(details), end is { } e ? BarTime.ToRequestEnd(e) : "",
                duration, barSize, "TRADES", rthOnly, cancellationToken).ConfigureAwait(false);
        }
        catch (TwsException ex) when (IsPerSymbol(ex))
        {
            throw ToSymbolError(symbol, ex);
        }

        var result = new List<(Bar, bool)>(data.Bars.Count);
        foreach (WireBar b in data.Bars)
        {
            DateTimeOffset time;
            bool daily;
            try
            {
                time = BarTime.Parse(b.Date, out daily);
            }
            catch (FormatException ex)
            {
                throw new SymbolException(symbol, SymbolErrorCodes.NoData, $"{symbol}: the gateway sent a bar time this tool cannot read: {ex.Message}");
            }

            result.Add((new Bar(time, b.Open, b.High, b.Low, b.Close, b.Volume ?? 0m, b.Wap is { } w ? (double)w : null,
                b.BarCount >= 0 ? b.BarCount : null), daily));
        }

        return result;
    }

    private static string? SessionLabel(MarketSession session) => session == MarketSession.Closed ? null : session.ToName();
}
