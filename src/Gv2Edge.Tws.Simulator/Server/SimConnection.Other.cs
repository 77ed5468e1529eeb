namespace Gv2Edge.Tws.Simulator.Server;

internal sealed partial class SimConnection
{
    /// <summary>Pump turn for keepUpToDate bars, scanners and tick-by-tick.</summary>
    public void PumpOther(long now)
    {
        PumpLiveBars(now);
        PumpScanners(now);
        PumpTickByTick();
    }

    private void StopOtherSubscriptions()
    {
        lock (_subscriptionsGate)
        {
            _liveBars.Clear();
            _scanners.Clear();
            _tickByTick.Clear();
        }
    }
}
