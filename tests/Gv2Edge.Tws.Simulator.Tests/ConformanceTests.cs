using System.Globalization;
using Gv2Edge.Tws.Protocol.Messages;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

/// <summary>
/// What a client sends → exactly what comes back, field by field (tws-protocol.md §5), over loopback TCP with raw
/// frames (NULs shown as '|').
/// </summary>
public sealed class ConformanceTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    private static async Task<(GatewaySimulator Sim, SimClient Client)> ConnectAsync()
    {
        GatewaySimulator sim = Sim.Create(Sim.Clock());
        await sim.StartAsync();
        SimClient c = await SimClient.ConnectTcpAsync(sim);
        await c.SettleAsync();
        return (sim, c);
    }

    [Fact]
    public async Task CurrentTime_is_49_version_1_then_the_market_clocks_epoch_seconds()
    {
        (GatewaySimulator sim, SimClient c) = await ConnectAsync();
        await using (sim)
        await using (c)
        {
            await c.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));

            await c.WaitForAsync<CurrentTime>("currentTime");
            long epoch = new DateTimeOffset(2026, 11, 24, 14, 35, 0, TimeSpan.Zero).ToUnixTimeSeconds();
            Assert.Equal($"49|1|{epoch}|", Sim.Show(c.Frames.Single()));
        }
    }

    [Fact]
    public async Task ReqIds_is_answered_by_nextValidId_9_version_1_with_an_id_above_the_start_up_one()
    {
        GatewaySimulator sim = Sim.Create(Sim.Clock());
        await sim.StartAsync();
        await using (sim)
        await using (SimClient c = await SimClient.ConnectTcpAsync(sim))
        {
            int startUp = c.All<NextValidId>().Single().OrderId;
            await c.SettleAsync();

            await c.SendAsync((w, v) => new ReqIds(1).Encode(w, v));

            NextValidId next = await c.WaitForAsync<NextValidId>("nextValidId");
            Assert.Equal($"9|1|{next.OrderId}|", Sim.Show(c.Frames.Single()));
            Assert.True(next.OrderId > startUp, $"{next.OrderId} after {startUp}");
        }
    }

    [Fact]
    public async Task SecDefOptParams_sends_one_message_per_exchange_with_expirations_and_strikes_then_the_end()
    {
        (GatewaySimulator sim, SimClient c) = await ConnectAsync();
        await using (sim)
        await using (c)
        {
            await c.SendAsync((w, v) => new ReqSecDefOptParams(5, "AAPL", "", "STK", 265598).Encode(w, v));

            await c.WaitForAsync<SecurityDefinitionOptionParameterEnd>("the end", m => m.ReqId == 5);
            string[] frames = [.. c.Frames.Select(Sim.Show)];
            Assert.Equal(3, frames.Length);
            Assert.Equal("76|5|", frames[2]);
            var chains = c.All<SecurityDefinitionOptionParameter>();
            Assert.Equal(["SMART", "CBOE"], chains.Select(p => p.Exchange));
            for (int i = 0; i < 2; i++)
            {
                SecurityDefinitionOptionParameter p = chains[i];
                string[] f = frames[i].Split('|');
                Assert.Equal(["75", "5", p.Exchange, "265598", "AAPL", "100", p.Expirations.Count.ToString(CultureInfo.InvariantCulture)], f[..7]);
                Assert.Equal(p.Expirations, f[7..(7 + p.Expirations.Count)]);
                Assert.Equal(p.Strikes.Count.ToString(CultureInfo.InvariantCulture), f[7 + p.Expirations.Count]);
                Assert.Equal(7 + p.Expirations.Count + 1 + p.Strikes.Count + 1, f.Length);
                Assert.All(p.Expirations, e => Assert.Matches("^20[0-9]{6}$", e));
                Assert.Equal(p.Strikes.Order(), p.Strikes);
                Assert.Contains(p.Strikes, s => s < 229.9);
                Assert.Contains(p.Strikes, s => s > 229.9);
            }
        }
    }

    [Fact]
    public async Task SecDefOptParams_for_an_unknown_underlying_is_only_the_end()
    {
        (GatewaySimulator sim, SimClient c) = await ConnectAsync();
        await using (sim)
        await using (c)
        {
            await c.SendAsync((w, v) => new ReqSecDefOptParams(6, "ZZZZQ", "", "STK", 0).Encode(w, v));

            await c.WaitForAsync<SecurityDefinitionOptionParameterEnd>("the end", m => m.ReqId == 6);
            Assert.Equal(["76|6|"], c.Frames.Select(Sim.Show));
        }
    }

    [Theory]
    [InlineData(true, 1, "88|3|20241125-09:30:00|")]
    [InlineData(false, 1, "88|3|20241125-04:00:00|")]
    [InlineData(true, 2, "88|3|1732545000|")]
    public async Task HeadTimestamp_is_88_reqId_then_the_first_bar_time_in_the_requested_format(bool useRth, int formatDate, string expected)
    {
        (GatewaySimulator sim, SimClient c) = await ConnectAsync();
        await using (sim)
        await using (c)
        {
            await c.SendAsync((w, v) => new ReqHeadTimestamp(3, Aapl, "TRADES", useRth, formatDate).Encode(w, v));

            await c.WaitForAsync<HeadTimestamp>("headTimestamp");
            Assert.Equal(expected, Sim.Show(c.Frames.Single()));
        }
    }

    [Fact]
    public async Task HeadTimestamp_for_an_unknown_symbol_is_error_200_on_the_request_id()
    {
        (GatewaySimulator sim, SimClient c) = await ConnectAsync();
        await using (sim)
        await using (c)
        {
            await c.SendAsync((w, v) => new ReqHeadTimestamp(4, Aapl with { Symbol = "ZZZZQ" }, "TRADES", true).Encode(w, v));

            await c.WaitForAsync<ErrorMessage>("200");
            Assert.Equal("4|2|4|200|No security definition has been found for the request||", Sim.Show(c.Frames.Single()));
        }
    }
}
