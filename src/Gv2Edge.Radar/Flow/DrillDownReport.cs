using System.Globalization;

namespace Gv2Edge.Radar.Flow;

/// <summary>What happened to a drill-down's contracts (thread-safe counters), and the notes that say so.</summary>
internal sealed class DrillDownReport
{
    private int _notListed;
    private int _refused;
    private int _failed;
    private int _unread;
    private int _ib;
    private int _model;
    private int _none;

    public int Requested { get; init; }

    public int Refused => Volatile.Read(ref _refused);

    public void Error(bool notListed, bool permission)
        => Interlocked.Increment(ref notListed ? ref _notListed : ref permission ? ref _refused : ref _failed);

    public void NotRead() => Interlocked.Increment(ref _unread);

    public void Read(string? greeksSource)
        => Interlocked.Increment(ref greeksSource == "ib" ? ref _ib : ref greeksSource == "model" ? ref _model : ref _none);

    /// <summary>Plain-words notes for everything that was not a clean read with IB's greeks; true when data is missing (not just greeks computed by us).</summary>
    public bool AddNotes(List<string> notes, OptionsFlowServiceOptions options)
    {
        int listed = Requested - _notListed;
        if (Requested == 0)
        {
            notes.Add("no strikes within the drill-down band around the spot price");
        }

        if (_refused > 0)
        {
            notes.Add(F($"{_refused} of {listed} option contracts were refused (error 354: no US options data; subscribe to OPRA in Client Portal, Settings, Market Data Subscriptions)"));
        }

        if (_failed > 0)
        {
            notes.Add(F($"{_failed} of {listed} option contracts failed with an IB error"));
        }

        if (_unread > 0)
        {
            notes.Add(F($"{_unread} of {listed} option contracts sent nothing within the time limit ({options.SymbolTimeout.TotalSeconds:0} s per symbol)"));
        }

        if (_model > 0)
        {
            notes.Add(F($"IB sent no model greeks for {_model} of {_model + _ib + _none} contracts: Black–Scholes greeks and implied volatility from the mid price (rate {options.RiskFreeRate * 100:0.##}%, dividend yield {options.DividendYield * 100:0.##}%)"));
        }

        if (_none > 0)
        {
            notes.Add(F($"{_none} contracts have no greeks (no model greeks from IB and no usable price for our own)"));
        }

        return _refused + _failed + _unread > 0;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
