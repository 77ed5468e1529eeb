using BenchmarkDotNet.Attributes;
using Gv2Edge.Tws.Protocol;

namespace Gv2Edge.Benchmarks;

/// <summary>
/// The <see cref="ProtocolLevel1Stream"/> split by message id, to show what each kind costs: frame + decode +
/// dispatch of 1,000 messages of one kind, taken in stream order (repeated from the start when a kind has fewer);
/// one operation = one message.
/// </summary>
[MemoryDiagnoser]
public class ProtocolDecodeByKindBenchmark
{
    private const int PerKind = 1_000;

    private byte[] _stream = [];
    private ProtocolDecodeBenchmark.Router _router = new();

    /// <summary>1 tickPrice, 2 tickSize, 46 tickString (RTVolume), 45 tickGeneric, 21 tickOptionComputation.</summary>
    [Params(1, 2, 46, 45, 21)]
    public int MessageId { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (byte[] all, _) = ProtocolLevel1Stream.Build();
        var frames = new List<byte[]>();
        ReadOnlySpan<byte> buffer = all;
        while (Framing.TryReadFrame(buffer, out ReadOnlySpan<byte> payload) is int used and > 0)
        {
            var reader = new FieldReader(payload);
            if (reader.ReadInt() == MessageId)
            {
                frames.Add(buffer[..used].ToArray());
            }

            buffer = buffer[used..];
        }

        _stream = [.. Enumerable.Range(0, PerKind).SelectMany(i => frames[i % frames.Count])];
        _router = new ProtocolDecodeBenchmark.Router();
    }

    /// <summary>Frame, decode and dispatch the 1,000 messages.</summary>
    [Benchmark(OperationsPerInvoke = PerKind)]
    public long FrameDecodeDispatchAll()
    {
        ReadOnlySpan<byte> buffer = _stream;
        var handler = new ProtocolDecodeBenchmark.RouterHandler(_router);
        while (Framing.TryReadFrame(buffer, out ReadOnlySpan<byte> payload) is int used and > 0)
        {
            IncomingDecoder.Decode(payload, 187, handler);
            buffer = buffer[used..];
        }

        return _router.Updates;
    }
}
