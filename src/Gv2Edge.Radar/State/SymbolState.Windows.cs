namespace Gv2Edge.Radar.State;

/// <summary>The 1-second ring and the rolling aggregates over its completed seconds.</summary>
internal sealed partial class SymbolState
{
    private readonly SecondBar[] _ring;
    private readonly WindowSum _volume;
    private readonly WindowExtreme _low;
    private readonly WindowExtreme _high;
    private readonly WindowSum _spread;
    private long _current = long.MinValue;
    private long _volumeSince = long.MaxValue;
    private long _priceSince = long.MinValue;
    private long _spreadSince = long.MinValue;

    private int Index(long second) => (int)(second % _ring.Length);

    /// <summary>Moves the fixed clock to <paramref name="second"/>, opening empty seconds for any silence.</summary>
    private void Roll(long second)
    {
        if (second <= _current)
        {
            return; // same second, or a late update: it counts in the current second
        }

        double carry = double.NaN;
        if (_current != long.MinValue)
        {
            Complete(_current);
            carry = _ring[Index(_current)].Close;
            if (second - 1 > _current && second - 1 >= _priceSince && !double.IsNaN(carry))
            {
                // Through a silence (a halt, a quiet name) the last price still stands: a stock that resumes 15% higher
                // after a 5-minute halt has moved against it, even though no trade printed inside the window.
                _low.Add(second - 1, carry);
                _high.Add(second - 1, carry);
            }
        }

        long first = _current == long.MinValue ? second : Math.Max(_current + 1, second - _ring.Length + 1);
        for (long s = first; s <= second; s++)
        {
            _ring[Index(s)].Start(s, carry);
        }

        _current = second;

        // The windows hold completed seconds only: volume and price [now - w + 1, now - 1] (the current second is
        // added when read), spread [now - w, now - 1] (the current second is what gets compared with it).
        _volume.EvictBefore(second - _options.VolumeWindowSeconds + 1);
        _low.EvictBefore(second - _options.PriceWindowSeconds + 1);
        _high.EvictBefore(second - _options.PriceWindowSeconds + 1);
        _spread.EvictBefore(second - _options.SpreadWindowSeconds);
    }

    /// <summary>A second has ended: its aggregates join the running windows (O(1); empty seconds add nothing).</summary>
    private void Complete(long s)
    {
        ref readonly SecondBar bar = ref _ring[Index(s)];
        if (s >= _volumeSince && bar.Volume != 0)
        {
            _volume.Add(s, bar.Volume);
        }

        if (s >= _priceSince && !double.IsNaN(bar.Low))
        {
            _low.Add(s, bar.Low);
            _high.Add(s, bar.High);
        }

        if (s >= _spreadSince && bar.SpreadPct > 0)
        {
            _spread.Add(s, bar.SpreadPct);
        }
    }

    /// <summary>Period volume is tracked again from <paramref name="second"/>: nothing before it counts.</summary>
    private void RestartVolume(long second)
    {
        _volumeSince = second;
        _volume.Clear();
    }

    /// <summary>The spread average starts again from <paramref name="second"/> (after a gap, or a new session's quotes).</summary>
    private void RestartSpread(long second)
    {
        _spreadSince = second;
        _spread.Clear();
    }

    private void RestartPrice(long second)
    {
        _priceSince = second;
        _low.Clear();
        _high.Clear();
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
