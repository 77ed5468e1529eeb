using System.Net.Sockets;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Market;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>Builds client options from the settings and connects, turning failures into plain words and exit code 2.</summary>
public static class GatewayConnection
{
    /// <summary>Client options for this command (host/port given explicitly, the rest from the settings).</summary>
    public static TwsClientOptions ClientOptions(CommandContext ctx, string host, int port, TimeProvider clock) => new()
    {
        Host = host,
        Port = port,
        ClientId = ctx.ClientId,
        ConnectTimeout = TimeSpan.FromSeconds(ctx.Settings.Ibkr.ConnectTimeoutSeconds),
        MessagesPerSecond = ctx.Settings.Ibkr.MessagesPerSecond,
        MaxLines = ctx.Settings.Ibkr.MaxLines,
        ReservedLines = ctx.Settings.Ibkr.ReservedLines,
        MarketDataType = ctx.Settings.Ibkr.MarketDataType switch
        {
            "frozen" => MarketDataType.Frozen,
            "delayed" => MarketDataType.Delayed,
            "delayed-frozen" => MarketDataType.DelayedFrozen,
            _ => MarketDataType.Live,
        },
        TimeProvider = clock,
        Sessions = new UsEquitySessions(new UsEquityCalendar()),
    };

    /// <summary>Connects; a refusal, a timeout or a rejected client id becomes <see cref="GatewayUnavailableException"/>.</summary>
    /// <remarks>
    /// The client itself retries forever (that is what a long-running radar wants); a command gives up after
    /// <paramref name="timeout"/> of wall time (default: Ibkr:ConnectTimeoutSeconds).
    /// </remarks>
    public static async Task ConnectAsync(CommandContext ctx, TwsClient client, string host, int port, TimeSpan? timeout = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ctx.Cancellation);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(ctx.Settings.Ibkr.ConnectTimeoutSeconds));
        try
        {
            await client.ConnectAsync(limit.Token).ConfigureAwait(false);
        }
        catch (TwsException ex)
        {
            throw new GatewayUnavailableException($"{host}:{port} refused the connection: {ex.Message} {ex.Hint}".Trim());
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException or IOException || (ex is OperationCanceledException && !ctx.Cancellation.IsCancellationRequested))
        {
            throw new GatewayUnavailableException(
                $"cannot reach IB Gateway/TWS at {host}:{port} ({ex.GetBaseException().Message}). Check that it is running and logged in, that "
                + "'Enable ActiveX and Socket Clients' is ticked with 127.0.0.1 as a trusted IP, and the port: IB Gateway 4001 live / 4002 paper, "
                + "TWS 7496 live / 7497 paper. 'edge check' diagnoses it.");
        }
    }
}
