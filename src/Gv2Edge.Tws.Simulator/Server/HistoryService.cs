namespace Gv2Edge.Tws.Simulator.Server;

/// <summary>Historical bars and IB's historical pacing.</summary>
internal sealed class HistoryService
{
    private readonly GatewaySimulator _server;

    public HistoryService(GatewaySimulator server) => _server = server;
}
