using System.Buffers;
using Gv2Edge.Tws.Protocol;
using Xunit;

namespace Gv2Edge.Tws.Protocol.Tests;

public class FramingTests
{
    private static byte[] Frame(params string[] fields)
    {
        var w = new MessageWriter();
        w.BeginMessage();
        foreach (string f in fields)
        {
            w.Write(f);
        }

        w.EndMessage();
        return w.ToArray();
    }

    [Fact]
    public void A_whole_frame_is_read_and_consumed()
    {
        byte[] bytes = Frame("1", "6", "42");
        var seq = new ReadOnlySequence<byte>(bytes);
        Assert.True(Framing.TryReadFrame(ref seq, out ReadOnlySequence<byte> payload));
        Assert.Equal(0, seq.Length);
        Assert.Equal("1\06\042\0"u8.ToArray(), payload.ToArray());
    }

    [Fact]
    public void A_frame_fed_one_byte_at_a_time_is_read_only_when_complete()
    {
        byte[] bytes = Frame("49", "1", "1700000000");
        for (int n = 0; n < bytes.Length; n++)
        {
            var partial = new ReadOnlySequence<byte>(bytes, 0, n);
            Assert.False(Framing.TryReadFrame(ref partial, out _));
            Assert.Equal(n, partial.Length);
        }

        var whole = new ReadOnlySequence<byte>(bytes);
        Assert.True(Framing.TryReadFrame(ref whole, out _));
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0, 0, 0 })]
    [InlineData(new byte[] { 0x7F, 0xFF, 0xFF, 0xFF })]
    [InlineData(new byte[] { 0x01, 0x00, 0x00, 0x00 })]
    public void Hostile_lengths_are_rejected_before_allocating(byte[] header)
    {
        var seq = new ReadOnlySequence<byte>(header);
        Assert.Throws<ProtocolException>(() => Framing.TryReadFrame(ref seq, out _));
    }
}
