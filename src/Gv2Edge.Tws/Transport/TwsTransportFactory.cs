using System.IO.Pipelines;

namespace Gv2Edge.Tws.Transport;

/// <summary>Opens one connection to a gateway and returns its two byte streams.</summary>
/// <param name="host">Host from the options.</param>
/// <param name="port">Port from the options.</param>
/// <param name="cancellationToken">Cancels the attempt (connect timeout).</param>
public delegate ValueTask<ITwsConnection> TwsTransportFactory(string host, int port, CancellationToken cancellationToken);

/// <summary>One open connection: input and output pipes; disposing closes it.</summary>
public interface ITwsConnection : IDuplexPipe, IAsyncDisposable
{
}
