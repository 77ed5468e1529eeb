using System.IO.Pipelines;

namespace Gv2Edge.Tws.Simulator.Server;

/// <summary>A reader and a writer that make one end of a connection.</summary>
internal sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
{
    public PipeReader Input { get; } = input;

    public PipeWriter Output { get; } = output;

    /// <summary>Two connected ends: what one writes the other reads.</summary>
    public static (IDuplexPipe Server, IDuplexPipe Client) CreatePair()
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        return (new DuplexPipe(toServer.Reader, toClient.Writer), new DuplexPipe(toClient.Reader, toServer.Writer));
    }
}
