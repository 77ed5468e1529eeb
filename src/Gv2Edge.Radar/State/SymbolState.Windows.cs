namespace Gv2Edge.Radar.State;

/// <summary>The 1-second ring and the rolling aggregates over its completed seconds.</summary>
internal sealed partial class SymbolState
{
    private readonly SecondBar[] _ring;
    private long _current = long.MinValue;
    private long _volumeSince = long.MaxValue;
    private long _priceSince = long.MinValue;
    private long _spreadSince = long.MinValue;
    private double _volumeCompleted;
    private double _lowCompleted = double.NaN;
    private double _highCompleted = double.NaN;
    private double _spreadSum;
    private int _spreadSeconds;

    private int Index(long second) => (int)(second % _ring.Length);

    /// <summary>Moves the fixed clock to <paramref name="second"/>, opening empty seconds for any silence.</summary>
    private void Roll(long second)
    {
        if (second <= _current)
        {
            return; // same second, or a late update: it counts in the current second
        }

        double carry = _current == long.MinValue ? double.NaN : _ring[Index(_current)].Close;
        long first = _current == long.MinValue ? second : Math.Max(_current + 1, second - _ring.Length + 1);
        for (long s = first; s <= second; s++)
        {
            _ring[Index(s)].Start(s, carry);
        }

        _current = second;
        Recompute();
    }

    /// <summary>Once per second: the aggregates over completed seconds, so a tick costs O(1).</summary>
    private void Recompute()
    {
        long now = _current;
        _volumeCompleted = 0;
        _lowCompleted = double.NaN;
        _highCompleted = double.NaN;
        _spreadSum = 0;
        _spreadSeconds = 0;
        int span = Math.Max(_options.PriceWindowSeconds, Math.Max(_options.VolumeWindowSeconds, _options.SpreadWindowSeconds));
        for (int k = 1; k < span; k++)
        {
            long s = now - k;
            ref readonly SecondBar bar = ref _ring[Index(s)];
            if (bar.UnixSecond != s)
            {
                break; // older than the history we hold
            }

            if (k < _options.VolumeWindowSeconds && s >= _volumeSince)
            {
                _volumeCompleted += bar.Volume;
            }

            if (k < _options.PriceWindowSeconds && s >= _priceSince && !double.IsNaN(bar.Low))
            {
                _lowCompleted = Min(_lowCompleted, bar.Low);
                _highCompleted = Max(_highCompleted, bar.High);
            }

            if (k <= _options.SpreadWindowSeconds && s >= _spreadSince && bar.SpreadSamples > 0)
            {
                _spreadSum += bar.SpreadPctSum / bar.SpreadSamples;
                _spreadSeconds++;
            }
        }
    }

    /// <summary>Shares traded over the last <paramref name="seconds"/> seconds (current second included), within the tracked period.</summary>
    public double VolumeOver(int seconds)
    {
        if (_current == long.MinValue)
        {
            return 0;
        }

        double sum = 0;
        int limit = Math.Min(seconds, _ring.Length);
        for (int k = 0; k < limit; k++)
        {
            long s = _current - k;
            ref readonly SecondBar bar = ref _ring[Index(s)];
            if (bar.UnixSecond != s || s < _volumeSince)
            {
                break;
            }

            sum += bar.Volume;
        }

        return sum;
    }

    /// <summary>Copies up to <paramref name="destination"/>.Length most recent seconds (oldest first, current second last).</summary>
    public int CopySeconds(Span<SecondBar> destination)
    {
        if (_current == long.MinValue)
        {
            return 0;
        }

        int count = 0;
        int limit = Math.Min(destination.Length, _ring.Length);
        while (count < limit)
        {
            long s = _current - count;
            if (_ring[Index(s)].UnixSecond != s)
            {
                break;
            }

            count++;
        }

        for (int i = 0; i < count; i++)
        {
            destination[i] = _ring[Index(_current - count + 1 + i)];
        }

        return count;
    }
}
