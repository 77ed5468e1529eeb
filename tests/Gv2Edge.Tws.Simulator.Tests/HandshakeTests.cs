using Gv2Edge.TestKit;
using Gv2Edge.Tws.Protocol.Messages;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

public sealed class HandshakeTests
{
    [Theory]
    [InlineData("v157..178", 187, 178)]
    [InlineData("v100..187 ", 187, 187)]
    [InlineData("v157..187", 176, 176)]
    [InlineData("v176", 187, 176)]
    public async Task Handshake_negotiates_the_lower_of_client_max_and_configured_version(string range, int configured, int expected)
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, configure: o => o with { ServerVersion = configured });
        await using SimClient client = SimClient.Over(sim.ConnectInMemory());

        (int version, _) = await client.HandshakeAsync(range);

        Assert.Equal(expected, version);
    }

    [Fact]
    public async Task Handshake_reply_is_exactly_two_fields_with_the_connection_time()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient client = SimClient.Over(sim.ConnectInMemory());

        await client.HandshakeAsync("v157..178");

        Assert.Equal("178|20261124 09:35:00 EST|", Sim.Show(client.HelloPayload!));
    }

    [Fact]
    public async Task Client_whose_maximum_is_below_the_supported_range_is_refused_without_a_reply()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient client = SimClient.Over(sim.ConnectInMemory());

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.HandshakeAsync("v100..150"));

        Assert.Null(client.HelloPayload);
    }

    [Fact]
    public async Task StartApi_is_answered_with_accounts_next_id_and_farm_status()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient client = SimClient.Over(sim.ConnectInMemory());
        await client.HandshakeAsync("v157..178");

        await client.SendRawAsync("\0\0\0\u000871\u00002\u00000\u0000\u0000"u8.ToArray());
        await Wait.UntilAsync("five start-up frames", () => client.Frames.Count >= 5);

        string[] frames = [.. client.Frames.Select(Sim.Show)];
        Assert.Equal(
        [
            "15|1|DU1234567|",
            "9|1|1|",
            "4|2|-1|2104|Market data farm connection is OK:usfarm||",
            "4|2|-1|2106|HMDS data farm connection is OK:ushmds||",
            "4|2|-1|2158|Sec-def data farm connection is OK:secdefnj||",
        ], frames);
    }

    [Fact]
    public async Task Start_up_requests_of_ib_async_get_their_end_markers()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient client = await SimClient.ConnectInMemoryAsync(sim, clientId: 0, range: "v157..178");
        client.Clear();

        // The exact bytes ib_async 2.0.1 writes (tws-protocol.md §9).
        string[] requests = ["15|1|1|", "61|1|", "5|1|", "99|0|", "6|2|1|DU1234567|", "76|1|9|DU1234567||0|", "7|3|10|0|||||||"];
        foreach (string r in requests)
        {
            byte[] body = System.Text.Encoding.ASCII.GetBytes(r.Replace('|', '\0'));
            byte[] frame = new byte[body.Length + 4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame, body.Length);
            body.CopyTo(frame, 4);
            await client.SendRawAsync(frame);
        }

        await Wait.UntilAsync("six end markers", () => client.Frames.Count >= 6);
        Assert.Equal(["62|1|", "53|1|", "102|", "54|1|DU1234567|", "74|1|9|", "55|1|10|"], client.Frames.Select(Sim.Show));
    }

    [Fact]
    public async Task Duplicate_client_id_gets_326_and_the_connection_is_closed()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient first = await SimClient.ConnectInMemoryAsync(sim, clientId: 5);
        await using SimClient second = SimClient.Over(sim.ConnectInMemory());
        await second.HandshakeAsync();

        await second.SendAsync((w, v) => new StartApi(5).Encode(w, v));

        ErrorMessage error = await second.WaitForAsync<ErrorMessage>("error 326");
        Assert.Equal((-1, 326), (error.Id, error.Code));
        await Wait.UntilAsync("the second connection closes", () => second.Closed);
        Assert.False(first.Closed);
        Assert.False(second.Has<NextValidId>());
    }

    [Fact]
    public async Task Many_clients_connect_over_loopback_tcp_at_once()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await sim.StartAsync();
        var clients = new List<SimClient>();
        for (int i = 0; i < 8; i++)
        {
            SimClient c = await SimClient.ConnectAsync(sim.Port);
            await c.HandshakeAsync();
            await c.StartApiAsync(i + 1);
            clients.Add(c);
        }

        Assert.All(clients, c => Assert.True(c.Has<NextValidId>()));
        Assert.Equal(8, sim.ConnectionCount);
        Assert.Equal(8, clients.Select(c => c.All<NextValidId>()[0].OrderId).Distinct().Count());
        foreach (SimClient c in clients)
        {
            await c.DisposeAsync();
        }

        await Wait.UntilAsync("connections close", () => sim.ConnectionCount == 0);
    }
}
