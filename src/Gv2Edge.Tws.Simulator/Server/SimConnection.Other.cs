namespace Gv2Edge.Tws.Simulator.Server;

internal sealed partial class SimConnection
{
    /// <summary>Pump turn for keepUpToDate bars, scanners and tick-by-tick.</summary>
    public void PumpOther(long now)
    {
        PumpLiveBars(now);
    }

    private void StopOtherSubscriptions()
    {
        lock (_subscriptionsGate)
        {
            _liveBars.Clear();
        }
    }
}
