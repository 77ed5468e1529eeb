using Gv2Edge.Market;

namespace Gv2Edge.Radar.State;

/// <summary>Building the immutable view.</summary>
internal sealed partial class SymbolState
{
    public SymbolSnapshot ToSnapshot()
    {
        QuoteTick q = Latest;
        VolumeProfile? profile = Profile;
        return new SymbolSnapshot
        {
            Symbol = Symbol,
            Time = q.Time,
            Session = Session.Session.ToName(),
            Last = q.Last,
            Bid = q.Bid,
            Ask = q.Ask,
            BidSize = q.BidSize,
            AskSize = q.AskSize,
            CumulativeVolume = q.CumulativeVolume,
            Vwap = q.Vwap,
            DayHigh = DayHigh,
            DayLow = DayLow,
            PreMarketHigh = PreHigh,
            PreMarketLow = PreLow,
            RthHigh = RthHigh,
            RthLow = RthLow,
            PrevClose = q.PrevClose,
            Open = q.Open,
            Halted = q.Halted >= 0 ? q.Halted : null,
            DataQuality = q.Quality.ToWord(),
            SpreadPct = SpreadPct(q.Bid, q.Ask),
            VolumeLastMinute = VolumeOver(60),
            VolumeLast5Minutes = VolumeOver(300),
            PeriodVolumeToday = PeriodVolumeToday,
            ExpectedVolumePerMinute = profile is not null && profile.Date == Session.ExchangeDate
                ? profile.MeanAt(Session.MinuteOfDay)
                : double.NaN,
            Updates = TickCount,
        };
    }
}
