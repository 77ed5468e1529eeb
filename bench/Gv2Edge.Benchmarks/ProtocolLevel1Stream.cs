using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Benchmarks;

/// <summary>
/// A realistic level-1 byte stream as IB Gateway sends it: 200 symbols (reqIds 1..200), about 40% tickPrice, 40%
/// tickSize, 15% tickString RTVolume and 5% tickGeneric, followed by a run of tickOptionComputation for 50 options
/// (reqIds 201..250). Deterministic (fixed seed).
/// </summary>
public static class ProtocolLevel1Stream
{
    public const int Symbols = 200;

    public const int Options = 50;

    public static (byte[] Bytes, int Messages) Build(int tickMessages = 20_000, int optionMessages = 1_000, int serverVersion = 187)
    {
        var random = new Random(42);
        var w = new MessageWriter(tickMessages * 40);
        double[] last = new double[Symbols + 1];
        long[] volume = new long[Symbols + 1];
        for (int s = 1; s <= Symbols; s++)
        {
            last[s] = 5 + random.Next(0, 50_000) / 100d;
            volume[s] = random.Next(10_000, 5_000_000);
        }

        for (int i = 0; i < tickMessages; i++)
        {
            int id = random.Next(1, Symbols + 1);
            int kind = random.Next(100);
            double price = Math.Round(last[id] + (random.Next(-5, 6) / 100d), 2);
            if (kind < 40)
            {
                int type = kind < 15 ? 1 : kind < 30 ? 2 : 4;
                new TickPrice(id, type, price, random.Next(1, 50) * 100, kind < 30 ? 3 : 0).Encode(w, serverVersion);
            }
            else if (kind < 80)
            {
                int type = kind < 55 ? 0 : kind < 70 ? 3 : kind < 75 ? 5 : 8;
                decimal size = type == 8 ? volume[id] : random.Next(1, 50) * 100;
                new TickSize(id, type, size).Encode(w, serverVersion);
            }
            else if (kind < 95)
            {
                int size = random.Next(1, 20) * 100;
                volume[id] += size;
                last[id] = price;
                TickString.FromRtVolume(id, 48, price, size, 1_700_000_000_000 + i, volume[id], Math.Round(price * 0.999, 6), random.Next(4) == 0)
                    .Encode(w, serverVersion);
            }
            else
            {
                new TickGeneric(id, kind < 98 ? 49 : 46, kind < 98 ? 0 : 3).Encode(w, serverVersion);
            }
        }

        for (int i = 0; i < optionMessages; i++)
        {
            int id = Symbols + 1 + random.Next(Options);
            double und = 180 + random.Next(0, 1000) / 100d;
            new TickOptionComputation(id, 10 + random.Next(4), 0, 0.2 + random.Next(100) / 1000d, 0.45 + random.Next(100) / 1000d,
                Math.Round(und * 0.02, 4), 0, 0.031, 0.12, -0.05, und).Encode(w, serverVersion);
        }

        return (w.ToArray(), tickMessages + optionMessages);
    }
}
