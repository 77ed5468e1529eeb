using System.IO.Pipelines;

namespace Gv2Edge.Tws.Transport;

/// <summary>
/// An in-memory connection for fast tests: two pipes, one per direction. <see cref="CreatePair"/> returns the
/// client end (give it to the client through <see cref="TwsClientOptions.Transport"/>) and the server end.
/// </summary>
public static class PipeTransport
{
    /// <summary>A connected pair of ends.</summary>
    public static (ITwsConnection Client, ITwsConnection Server) CreatePair()
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        return (new End(toClient.Reader, toServer.Writer), new End(toServer.Reader, toClient.Writer));
    }

    private sealed class End(PipeReader input, PipeWriter output) : ITwsConnection
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;

        public async ValueTask DisposeAsync()
        {
            await Input.CompleteAsync().ConfigureAwait(false);
            await Output.CompleteAsync().ConfigureAwait(false);
        }
    }
}
