using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Tws.Simulator.Load;

/// <summary>
/// One line's repeating cycle of pre-encoded level-1 frames: a realistic mix (bid/ask with sizes, size-only
/// updates, trades, last size, volume) around a price path that is flat, climbs <see cref="LoadOptions.MovePercent"/>,
/// holds and comes back. Volume frames are not pre-encoded: cumulative volume must keep growing across cycles,
/// so they are written when sent (<see cref="Frame"/> returns an empty span for them). Built once per subscription, then only copied.
/// </summary>
internal sealed class LoadCycle
{
    private readonly byte[] _bytes;
    private readonly int[] _offsets;
    private readonly long[] _traded;

    private LoadCycle(byte[] bytes, int[] offsets, long[] traded, int priceTicks)
    {
        _bytes = bytes;
        _offsets = offsets;
        _traded = traded;
        PriceFrames = priceTicks;
    }

    /// <summary>Frames in the cycle.</summary>
    public int Length => _traded.Length;

    /// <summary>tickPrice frames in the cycle (the rest are tickSize).</summary>
    public int PriceFrames { get; }

    /// <summary>
    /// The bytes of frame <paramref name="index"/> (length prefix included), or an empty span for a volume frame;
    /// <paramref name="traded"/> is the shares it trades (for the running volume).
    /// </summary>
    public ReadOnlySpan<byte> Frame(int index, out long traded)
    {
        traded = _traded[index];
        return _bytes.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);
    }

    /// <summary>
    /// Builds the cycle for line <paramref name="reqId"/> starting from bid/ask <paramref name="bid"/>/<paramref name="ask"/>.
    /// <paramref name="tickIds"/> maps live tick ids to the ones this line uses (delayed lines use 66+).
    /// </summary>
    public static LoadCycle Build(int reqId, double bid, double ask, double minTick, long typicalSize, ulong seed,
        LoadOptions options, int serverVersion, Func<int, int> tickIds)
    {
        int n = options.CycleFrames;
        var rng = new SimRandom(SimRandom.Mix(seed, (ulong)reqId));
        double mid0 = bid > 0 && ask > bid ? (bid + ask) / 2 : Math.Max(minTick * 100, Math.Max(bid, ask));
        double spread = bid > 0 && ask > bid ? ask - bid : minTick * 2;
        long lot = Math.Max(1, typicalSize / 100) * 100;
        var w = new MessageWriter(n * 40);
        int[] offsets = new int[n + 1];
        long[] traded = new long[n];
        int prices = 0;
        for (int i = 0; i < n; i++)
        {
            offsets[i] = w.Length;
            double mid = mid0 * (1 + (Move(i, n) * options.MovePercent / 100)) + (rng.Next(-2, 3) * minTick);
            double b = Round(mid - (spread / 2), minTick);
            double a = Math.Max(b + minTick, Round(mid + (spread / 2), minTick));
            long size = lot * rng.Next(1, 20);
            int kind = rng.Next(0, 100);
            switch (kind)
            {
                case < 15:
                    new TickPrice(reqId, tickIds(1), b, size, 1).Encode(w, serverVersion);
                    prices++;
                    break;
                case < 30:
                    new TickPrice(reqId, tickIds(2), a, size, 1).Encode(w, serverVersion);
                    prices++;
                    break;
                case < 48:
                    new TickSize(reqId, tickIds(0), size).Encode(w, serverVersion);
                    break;
                case < 66:
                    new TickSize(reqId, tickIds(3), size).Encode(w, serverVersion);
                    break;
                case < 78:
                    long shares = Math.Max(1, lot / 100 * rng.Next(1, 10));
                    new TickPrice(reqId, tickIds(4), rng.Next(0, 2) == 0 ? b : a, shares, 0).Encode(w, serverVersion);
                    traded[i] = shares;
                    prices++;
                    break;
                case < 88:
                    new TickSize(reqId, tickIds(5), Math.Max(1, lot / 100 * rng.Next(1, 10))).Encode(w, serverVersion);
                    break;
                default:
                    break; // volume: written when sent
            }
        }

        offsets[n] = w.Length;
        return new LoadCycle(w.ToArray(), offsets, traded, prices);
    }

    /// <summary>The price path as a fraction of the move: 0 for the first quarter, up to 1, hold, back to 0.</summary>
    internal static double Move(int i, int n)
    {
        double x = (double)i / n;
        return x switch
        {
            < 0.25 => 0,
            < 0.5 => (x - 0.25) * 4,
            < 0.75 => 1,
            _ => (1 - x) * 4,
        };
    }

    private static double Round(double price, double tick) => Math.Round(Math.Round(price / tick) * tick, 4);
}
