using System.Text;

namespace Gv2Edge.Tws.Protocol.Tests;

/// <summary>
/// The connection handshake as IBKR's client 10.30.01 writes it (repository xqguo/twsapi,
/// source/CSharpClient/client/EClient.cs sendConnectRequest: "API\0", then one frame "v{min}..{max}" plus a space
/// and the connect options) and reads the reply (EDecoder.ProcessConnectAck: version, then connection time).
/// </summary>
public class HandshakeTests
{
    [Fact]
    public void Client_hello_is_the_raw_prefix_then_one_unterminated_version_frame()
    {
        var w = new MessageWriter();
        Handshake.WriteClientHello(w, ServerVersions.MinSupported, ServerVersions.MaxSupported);
        byte[] expected = [(byte)'A', (byte)'P', (byte)'I', 0, 0, 0, 0, 9, .. "v157..187"u8];
        Assert.Equal(expected, w.ToArray());
    }

    [Fact]
    public void Client_hello_with_options_and_a_single_version()
    {
        var w = new MessageWriter();
        Handshake.WriteClientHello(w, 176, 176, "+PACEAPI");
        Assert.Equal("API\0\0\0\0\rv176 +PACEAPI", Encoding.ASCII.GetString(w.ToArray()));
    }

    [Theory]
    [InlineData("v100..187 ", 100, 187, null)]
    [InlineData("v157..178", 157, 178, null)]
    [InlineData("v176", 176, 176, null)]
    [InlineData("v157..178 +PACEAPI", 157, 178, "+PACEAPI")]
    public void Version_ranges_from_real_clients_parse(string text, int min, int max, string? options)
    {
        Assert.True(Handshake.TryParseVersionRange(Encoding.ASCII.GetBytes(text), out int lo, out int hi, out string? opts));
        Assert.Equal((min, max, options), (lo, hi, opts));
    }

    [Theory]
    [InlineData("")]
    [InlineData("66")]
    [InlineData("v")]
    [InlineData("v187..157")]
    [InlineData("vabc..187")]
    public void Anything_else_is_not_a_version_range(string text)
        => Assert.False(Handshake.TryParseVersionRange(Encoding.ASCII.GetBytes(text), out _, out _, out _));

    [Fact]
    public void Server_hello_is_exactly_two_fields_and_reads_back()
    {
        var w = new MessageWriter();
        string time = Handshake.FormatConnectionTime(new DateTimeOffset(2026, 11, 25, 9, 30, 5, TimeSpan.Zero), "EST");
        Handshake.WriteServerHello(w, 187, time);
        Assert.Equal(Wire.Show(Wire.Payload("187", "20261125 09:30:05 EST")), Wire.Show(Wire.Encode(x => x.WriteRaw(w.WrittenSpan))));
        Framing.TryReadFrame(w.WrittenSpan, out ReadOnlySpan<byte> payload);
        Assert.Equal((187, "20261125 09:30:05 EST"), Handshake.ReadServerHello(payload));
        Assert.Equal((178, "20230405 22:20:39 China Standard Time"), Handshake.ReadServerHello(Wire.Payload("178", "20230405 22:20:39 China Standard Time")));
    }
}
