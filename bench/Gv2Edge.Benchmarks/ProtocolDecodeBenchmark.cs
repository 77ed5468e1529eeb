using BenchmarkDotNet.Attributes;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Benchmarks;

/// <summary>
/// Frame + decode + dispatch of <see cref="ProtocolLevel1Stream"/>: every frame is split off the buffer, decoded and
/// routed by reqId into an array of per-instrument state. Results are per message (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class ProtocolDecodeBenchmark
{
    private const int TickMessages = 20_000;
    private const int OptionMessages = 1_000;
    private const int Total = TickMessages + OptionMessages;

    private byte[] _stream = [];
    private Router _router = new();

    [GlobalSetup]
    public void Setup()
    {
        (_stream, int count) = ProtocolLevel1Stream.Build(TickMessages, OptionMessages);
        if (count != Total)
        {
            throw new InvalidOperationException("stream size changed");
        }

        _router = new Router();
    }

    /// <summary>Frame and decode every message of the stream (one operation = one message).</summary>
    [Benchmark(OperationsPerInvoke = Total)]
    public long FrameDecodeDispatch()
    {
        ReadOnlySpan<byte> buffer = _stream;
        var handler = new RouterHandler(_router);
        while (Framing.TryReadFrame(buffer, out ReadOnlySpan<byte> payload) is int used and > 0)
        {
            IncomingDecoder.Decode(payload, 187, handler);
            buffer = buffer[used..];
        }

        return _router.Updates;
    }

    /// <summary>
    /// Baseline: the same framing plus a split of every payload into its fields (no number parsing, no dispatch) —
    /// the ceiling any field decoder on this machine is measured against.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Total, Baseline = true)]
    public long FrameAndSplitOnly()
    {
        ReadOnlySpan<byte> buffer = _stream;
        long fields = 0;
        while (Framing.TryReadFrame(buffer, out ReadOnlySpan<byte> payload) is int used and > 0)
        {
            var reader = new FieldReader(payload);
            while (reader.HasMore)
            {
                fields += reader.ReadField().Length;
            }

            buffer = buffer[used..];
        }

        return fields;
    }

    /// <summary>Per-instrument state, indexed by reqId.</summary>
    public sealed class Router
    {
        public readonly Quote[] Quotes = new Quote[512];

        public long Updates;
    }

    public struct Quote
    {
        public double Bid, Ask, Last, Vwap, Halted, Iv, Delta, Und;
        public decimal BidSize, AskSize, LastSize, Volume;
        public long LastTime;
    }

    /// <summary>A struct handler so the generic decoder is specialised for it (direct, inlinable calls).</summary>
    public readonly struct RouterHandler(Router router) : IIncomingHandler
    {
        public void OnTickPrice(in TickPrice m)
        {
            ref Quote q = ref router.Quotes[m.ReqId];
            switch (m.TickType)
            {
                case 1: q.Bid = m.Price; q.BidSize = m.Size ?? q.BidSize; break;
                case 2: q.Ask = m.Price; q.AskSize = m.Size ?? q.AskSize; break;
                case 4: q.Last = m.Price; q.LastSize = m.Size ?? q.LastSize; break;
            }

            router.Updates++;
        }

        public void OnTickSize(in TickSize m)
        {
            ref Quote q = ref router.Quotes[m.ReqId];
            switch (m.TickType)
            {
                case 0: q.BidSize = m.Size ?? 0; break;
                case 3: q.AskSize = m.Size ?? 0; break;
                case 5: q.LastSize = m.Size ?? 0; break;
                case 8: q.Volume = m.Size ?? q.Volume; break;
            }

            router.Updates++;
        }

        public void OnTickString(in TickString m)
        {
            ref Quote q = ref router.Quotes[m.ReqId];
            if (m.Kind == TickStringKind.RtVolume)
            {
                q.Last = m.Price ?? q.Last;
                q.Volume = m.TotalVolume ?? q.Volume;
                q.Vwap = m.Vwap ?? q.Vwap;
                q.LastTime = m.Time;
            }

            router.Updates++;
        }

        public void OnTickGeneric(in TickGeneric m)
        {
            router.Quotes[m.ReqId].Halted = m.Value;
            router.Updates++;
        }

        public void OnTickOptionComputation(in TickOptionComputation m)
        {
            ref Quote q = ref router.Quotes[m.ReqId];
            q.Iv = m.ImpliedVol ?? q.Iv;
            q.Delta = m.Delta ?? q.Delta;
            q.Und = m.UndPrice ?? q.Und;
            router.Updates++;
        }
    }
}
