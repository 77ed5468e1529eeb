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

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }

    /// <summary>A sequence made of one-byte segments: the worst case for a parser that assumes contiguous memory.</summary>
    private static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(bytes.AsMemory(0, 1), null);
        Segment last = first;
        for (int i = 1; i < bytes.Length; i++)
        {
            last = new Segment(bytes.AsMemory(i, 1), last);
        }

        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    private static byte[] Stream()
    {
        var w = new MessageWriter();
        new Messages.TickPrice(1, 1, 185.5, 100m, 0).Encode(w, 187);
        new Messages.TickSize(1, 0, 300m).Encode(w, 187);
        new Messages.ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm").Encode(w, 187);
        return w.ToArray();
    }

    private static List<byte[]> ReadAll(ref ReadOnlySequence<byte> buffer)
    {
        var frames = new List<byte[]>();
        while (Framing.TryReadFrame(ref buffer, out ReadOnlySequence<byte> payload))
        {
            frames.Add(payload.ToArray());
        }

        return frames;
    }

    [Fact]
    public void A_stream_of_frames_fed_whole_yields_every_frame()
    {
        var seq = new ReadOnlySequence<byte>(Stream());
        List<byte[]> frames = ReadAll(ref seq);
        Assert.Equal(3, frames.Count);
        Assert.Equal(0, seq.Length);
        Assert.Equal("1|6|1|1|185.5|100|0|", Wire.Show(frames[0]));
    }

    [Fact]
    public void A_stream_fed_one_byte_at_a_time_yields_the_same_frames_in_order()
    {
        byte[] bytes = Stream();
        var whole = new ReadOnlySequence<byte>(bytes);
        List<string> expected = ReadAll(ref whole).Select(Wire.Show).ToList();
        var got = new List<string>();
        int start = 0;
        for (int end = 1; end <= bytes.Length; end++)
        {
            // Everything received so far and not consumed, as one-byte segments (a pipe's worst case).
            ReadOnlySequence<byte> pending = OneBytePerSegment(bytes[start..end]);
            long before = pending.Length;
            got.AddRange(ReadAll(ref pending).Select(Wire.Show));
            start += (int)(before - pending.Length);
        }

        Assert.Equal(expected, got);
        Assert.Equal(bytes.Length, start);
    }

    [Fact]
    public void The_span_form_reads_frames_back_to_back_and_waits_for_incomplete_ones()
    {
        byte[] bytes = Stream();
        int offset = 0, count = 0;
        while (Framing.TryReadFrame(bytes.AsSpan(offset), out ReadOnlySpan<byte> payload) is int used and > 0)
        {
            Assert.False(payload.IsEmpty);
            offset += used;
            count++;
        }

        Assert.Equal((3, bytes.Length), (count, offset));
        Assert.Equal(0, Framing.TryReadFrame(bytes.AsSpan(0, 10), out _));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF })]
    [InlineData(new byte[] { 0x80, 0, 0, 0 })]
    [InlineData(new byte[] { 0x7F, 0xFF, 0xFF, 0xFF })]
    [InlineData(new byte[] { 0x01, 0x00, 0x00, 0x00 })]
    public void Hostile_lengths_are_rejected_from_the_header_alone_even_one_byte_at_a_time(byte[] header)
    {
        for (int n = 1; n < 4; n++)
        {
            ReadOnlySequence<byte> partial = OneBytePerSegment(header[..n]);
            Assert.False(Framing.TryReadFrame(ref partial, out _));
        }

        ReadOnlySequence<byte> seq = OneBytePerSegment(header);
        Assert.Throws<ProtocolException>(() => Framing.TryReadFrame(ref seq, out _));
        Assert.Throws<ProtocolException>(() => Framing.TryReadFrame(header.AsSpan(), out _));
    }

    [Fact]
    public void The_largest_legal_length_is_accepted_and_waits_for_its_payload()
    {
        byte[] header = [0x00, 0xFF, 0xFF, 0xFF];
        var seq = new ReadOnlySequence<byte>(header);
        Assert.False(Framing.TryReadFrame(ref seq, out _));
        Assert.Equal(4, seq.Length);
    }

    [Fact]
    public void The_writer_refuses_to_produce_a_frame_over_the_limit()
    {
        var w = new MessageWriter();
        w.BeginMessage();
        w.WriteAscii(new byte[Framing.MaxMessageSize]);
        Assert.Throws<ProtocolException>(w.EndMessage);
    }

    [Fact]
    public void Payloads_split_across_segments_decode_like_contiguous_ones()
    {
        ReadOnlySequence<byte> scattered = OneBytePerSegment(Stream());
        var recorder = new Recorder();
        while (Framing.TryReadFrame(ref scattered, out ReadOnlySequence<byte> payload))
        {
            Assert.False(payload.IsSingleSegment);
            IncomingDecoder.Decode(payload, 187, recorder);
        }

        Assert.Equal(
            [new Messages.TickPrice(1, 1, 185.5, 100m, 0), new Messages.TickSize(1, 0, 300m), new Messages.ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm")],
            recorder.Messages);

        var requests = new Recorder();
        var w = new MessageWriter();
        new Messages.ReqIds(1).Encode(w, 187);
        ReadOnlySequence<byte> one = OneBytePerSegment(w.ToArray());
        Assert.True(Framing.TryReadFrame(ref one, out ReadOnlySequence<byte> request));
        RequestDecoder.Decode(request, 187, requests);
        Assert.Equal(new Messages.ReqIds(1), requests.Last);
    }
}
