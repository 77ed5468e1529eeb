namespace Gv2Edge.Radar.Engines;

/// <summary>Welford mean and sample standard deviation, allocation-free.</summary>
internal struct RunningStats
{
    private double _mean;
    private double _m2;

    public int Count { get; private set; }

    public readonly double Mean => Count > 0 ? _mean : double.NaN;

    /// <summary>Sample standard deviation (n − 1); 0 with fewer than two values.</summary>
    public readonly double StdDev => Count > 1 ? Math.Sqrt(_m2 / (Count - 1)) : 0;

    public void Add(double value)
    {
        Count++;
        double delta = value - _mean;
        _mean += delta / Count;
        _m2 += delta * (value - _mean);
    }
}
