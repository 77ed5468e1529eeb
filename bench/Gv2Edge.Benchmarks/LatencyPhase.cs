using System.Diagnostics;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Benchmarks;

/// <summary>
/// One paced run of the latency mode: <see cref="Count"/> pre-encoded level-1 frames, round robin over the
/// subscriptions, each carrying its sequence number (the bid size of a tickPrice or the volume of a tickSize, so it
/// only grows per instrument); the sender stamps each frame just before it goes to the socket, the subscriber
/// stamps it when it sees it. Both stamps are <see cref="Stopwatch.GetTimestamp"/> in this process.
/// </summary>
internal sealed class LatencyPhase
{
    private readonly byte[] _frames;
    private readonly int[] _offsets;
    private readonly long[] _sent;
    private readonly long[] _callback;
    private readonly long[] _channel;

    public LatencyPhase(string name, int[] ids, long firstSeq, double ratePerSecond, TimeSpan duration)
    {
        Name = name;
        Rate = ratePerSecond;
        FirstSeq = firstSeq;
        Count = (int)(ratePerSecond * duration.TotalSeconds);
        var w = new MessageWriter(Count * 40);
        _offsets = new int[Count + 1];
        for (int i = 0; i < Count; i++)
        {
            long seq = firstSeq + i;
            int id = ids[(int)(seq % ids.Length)];
            if (seq % 2 == 0)
            {
                new TickPrice(id, 1, 100 + (seq % 100) * 0.01, seq, 0).Encode(w, BenchGateway.ServerVersion);
            }
            else
            {
                new TickSize(id, 8, seq).Encode(w, BenchGateway.ServerVersion);
            }

            _offsets[i + 1] = w.WrittenSpan.Length;
        }

        _frames = w.ToArray();
        _sent = new long[Count];
        _callback = new long[Count];
        _channel = new long[Count];
    }

    public string Name { get; }

    public double Rate { get; }

    public long FirstSeq { get; }

    public int Count { get; }

    /// <summary>Called by the subscriber with the sequence it read; keeps the first sighting.</summary>
    public void SeenByCallback(long seq, long now) => Record(_callback, seq, now);

    /// <summary>Called by the updates-channel consumer with the sequence it read.</summary>
    public void SeenByChannel(long seq, long now) => Record(_channel, seq, now);

    /// <summary>Sends every frame at its due time (batching the ones already due); returns when all are sent.</summary>
    public void Send(BenchGateway gateway)
    {
        long start = Stopwatch.GetTimestamp();
        double ticksPerFrame = Stopwatch.Frequency / Rate;
        int sent = 0;
        while (sent < Count)
        {
            long now = Stopwatch.GetTimestamp();
            int due = (int)Math.Min(Count, ((now - start) / ticksPerFrame) + 1);
            if (due > sent)
            {
                for (int i = sent; i < due; i++)
                {
                    _sent[i] = now;
                }

                gateway.Send(_frames.AsSpan(_offsets[sent], _offsets[due] - _offsets[sent]));
                sent = due;
                continue;
            }

            double waitMs = (start + (sent * ticksPerFrame) - now) * 1000.0 / Stopwatch.Frequency;
            if (waitMs > 2)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    /// <summary>Latencies in microseconds of the frames seen by the callback (or the channel), and how many were never seen.</summary>
    public (double[] Micros, int Missing) Latencies(bool channel)
    {
        long[] seen = channel ? _channel : _callback;
        var result = new List<double>(Count);
        int missing = 0;
        for (int i = 0; i < Count; i++)
        {
            if (seen[i] == 0)
            {
                missing++;
                continue;
            }

            result.Add((seen[i] - _sent[i]) * 1e6 / Stopwatch.Frequency);
        }

        double[] micros = [.. result];
        Array.Sort(micros);
        return (micros, missing);
    }

    private void Record(long[] into, long seq, long now)
    {
        long i = seq - FirstSeq;
        if (i >= 0 && i < Count && into[i] == 0)
        {
            into[i] = now;
        }
    }
}
