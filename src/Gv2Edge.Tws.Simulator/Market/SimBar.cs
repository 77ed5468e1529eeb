namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>One bar of simulated trades; <see cref="Time"/> is the exchange-local start of the bar.</summary>
internal struct SimBar
{
    public DateTime Time;
    public double Open;
    public double High;
    public double Low;
    public double Close;
    public long Volume;
    public double Wap;
    public int Count;
    public double Spread;

    public static SimBar Start(DateTime time, double price, long size, double spread) => new()
    {
        Time = time,
        Open = price,
        High = price,
        Low = price,
        Close = price,
        Volume = size,
        Wap = price,
        Count = size > 0 ? 1 : 0,
        Spread = spread,
    };

    public void Add(double price, long size)
    {
        High = Math.Max(High, price);
        Low = Math.Min(Low, price);
        Close = price;
        if (size > 0)
        {
            Wap = ((Wap * Volume) + (price * size)) / (Volume + size);
            Volume += size;
            Count++;
        }
    }

    public void Merge(in SimBar next)
    {
        High = Math.Max(High, next.High);
        Low = Math.Min(Low, next.Low);
        Close = next.Close;
        if (next.Volume > 0)
        {
            Wap = ((Wap * Volume) + (next.Wap * next.Volume)) / (Volume + next.Volume);
            Volume += next.Volume;
        }

        Count += next.Count;
        Spread = next.Spread;
    }
}
