using Gv2Edge.Tws.Connection;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Tests.Client;

public class ConnectionTests
{
    [Theory]
    [InlineData(157)]
    [InlineData(163)]
    [InlineData(176)]
    [InlineData(187)]
    public async Task Handshake_negotiates_every_version_from_157_to_187(int version)
    {
        await using var h = new ClientHarness(serverVersion: version);
        await h.ConnectAsync();

        Assert.Equal(ConnectionState.Connected, h.Client.State);
        Assert.Equal(version, h.Client.ServerVersion);
        Assert.Equal(["DU123456"], h.Client.Accounts);
        Assert.Equal("20260105 09:30:00 EST", h.Client.ConnectionTime);
        Assert.Equal(1, h.Gateway.RequestsOf<StartApi>().Single().ClientId);
    }

    [Fact]
    public async Task Not_ready_until_managed_accounts_arrive()
    {
        await using var h = new ClientHarness(o => o with { ConnectTimeout = TimeSpan.FromSeconds(60) });
        h.Gateway.SendAccounts = false;
        Task connect = h.Client.ConnectAsync();
        await h.PumpUntilAsync("startApi", () => h.Gateway.RequestsOf<StartApi>().Count == 1);
        await h.PumpUntilAsync("a second passes", () => h.Clock.GetUtcNow() > ClientHarness.Weekend.AddSeconds(1));
        Assert.False(connect.IsCompleted);
        Assert.Equal(ConnectionState.Connecting, h.Client.State);

        h.Gateway.Send(new ManagedAccounts("DU1,DU2"));
        await h.PumpUntilAsync("ready", () => connect.IsCompleted);
        Assert.Equal(["DU1", "DU2"], h.Client.Accounts);
    }

    [Fact]
    public async Task The_market_data_type_is_sent_after_connecting()
    {
        await using var h = new ClientHarness(o => o with { MarketDataType = MarketData.MarketDataType.Delayed });
        await h.ConnectAsync();
        await h.PumpUntilAsync("market data type", () => h.Gateway.RequestsOf<ReqMarketDataType>().Count == 1);
        Assert.Equal(3, h.Gateway.RequestsOf<ReqMarketDataType>()[0].MarketDataType);
    }

    [Fact]
    public async Task A_refused_first_connect_is_retried_with_the_policy()
    {
        await using var h = new ClientHarness();
        h.Gateway.Refuse = true;
        Task connect = h.Client.ConnectAsync();
        await ClientHarness.SettleAsync(() => h.Client.State == ConnectionState.Reconnecting, "first attempt failed");

        h.Gateway.Refuse = false;
        await h.PumpUntilAsync("connected at the next retry", () => connect.IsCompleted, TimeSpan.FromSeconds(1.5));
        await connect;
        Assert.Equal(ConnectionState.Connected, h.Client.State);
    }

    [Fact]
    public async Task A_client_id_in_use_says_which_id_to_use_instead()
    {
        await using var h = new ClientHarness(o => o with { ClientId = 7 });
        h.Gateway.CloseAfterHandshake = true;
        var ex = await Assert.ThrowsAsync<TwsException>(() => h.Client.ConnectAsync());
        Assert.Equal(TwsErrorCodes.ClientIdInUse, ex.Code);
        Assert.Contains("7", ex.Hint, StringComparison.Ordinal);
        Assert.Contains("8", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_326_fails_the_connect_with_a_clear_hint()
    {
        await using var h = new ClientHarness(o => o with { ClientId = 3 });
        h.Gateway.SendAccounts = false;
        Task connect = h.Client.ConnectAsync();
        await h.PumpUntilAsync("startApi", () => h.Gateway.RequestsOf<StartApi>().Count == 1);
        h.Gateway.SendError(-1, 326, "Unable to connect as the client id is already in use. Retry with a unique client id.");
        var ex = await Assert.ThrowsAsync<TwsException>(() => connect);
        Assert.Equal(326, ex.Code);
        Assert.Contains("e.g. 4", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dropped_gateway_is_reconnected_at_the_next_retry()
    {
        await using var h = new ClientHarness();
        await h.ConnectAsync();
        await h.PumpUntilAsync("market data type sent", () => h.Gateway.RequestsOf<ReqMarketDataType>().Count == 1);
        DateTimeOffset lost = h.Clock.GetUtcNow();
        await h.Gateway.DropAsync();
        await ClientHarness.SettleAsync(() => h.Client.State == ConnectionState.Reconnecting, "loss noticed");
        h.Gateway.Refuse = true;

        // Down for 2 retries (1 s, 2 s), back before the third (5 s).
        await h.PumpUntilAsync("two failed retries", () => h.Clock.GetUtcNow() >= lost.AddSeconds(3.5), TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(50));
        Assert.Equal(ConnectionState.Reconnecting, h.Client.State);
        h.Gateway.Refuse = false;
        await h.PumpUntilAsync("reconnected", () => h.Client.State == ConnectionState.Connected, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20));

        TwsClientStats stats = h.Client.GetStats();
        Assert.Equal(1, stats.Disconnections);
        Assert.Equal(1, stats.Reconnections);
        Assert.True(stats.LastDowntime >= TimeSpan.FromSeconds(8));
        await h.PumpUntilAsync("market data type re-sent", () => h.Gateway.RequestsOf<ReqMarketDataType>().Count == 2);
    }

    [Fact]
    public async Task A_missed_heartbeat_resets_the_connection()
    {
        await using var h = new ClientHarness(o => o with { HeartbeatInterval = TimeSpan.FromSeconds(30) });
        await h.ConnectAsync();
        await h.PumpUntilAsync("one heartbeat answered", () => h.Client.GetStats().HeartbeatLatency is not null, TimeSpan.FromSeconds(31), TimeSpan.FromMilliseconds(100));

        h.Gateway.AnswerHeartbeats = false;
        int before = h.Gateway.Connections;
        await h.PumpUntilAsync("reconnected after a silent heartbeat", () => h.Gateway.Connections > before && h.Client.IsConnected,
            TimeSpan.FromSeconds(70), TimeSpan.FromMilliseconds(100));
        Assert.Contains(h.States, c => c.Current == ConnectionState.Reconnecting && c.Reason.Contains("heartbeat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Garbage_from_the_server_resets_the_connection_without_crashing()
    {
        await using var h = new ClientHarness();
        await h.ConnectAsync();
        h.Gateway.SendRaw([0x7F, 0xFF, 0xFF, 0xFF, 1, 2, 3]); // a 2 GiB frame length
        await ClientHarness.SettleAsync(() => h.Client.State == ConnectionState.Reconnecting, "reset");
        await h.PumpUntilAsync("reconnected", () => h.Client.IsConnected, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(20));
        Assert.Equal(2, h.Gateway.Connections);
    }
}
