using Gv2Edge.Tws.Connection;

namespace Gv2Edge.Tws.Tests.Unit;

public class ReconnectPolicyTests
{
    [Fact]
    public void Default_schedule_is_1_2_5_10_30_then_30_forever()
    {
        var policy = new ReconnectPolicy(jitterFraction: 0);
        int[] expected = [1, 2, 5, 10, 30, 30, 30];
        for (int attempt = 1; attempt <= expected.Length; attempt++)
        {
            Assert.Equal(TimeSpan.FromSeconds(expected[attempt - 1]), policy.NextDelay(attempt));
        }

        Assert.Equal(TimeSpan.FromSeconds(30), policy.NextDelay(10_000));
    }

    [Fact]
    public void Jitter_stays_within_its_fraction_and_varies()
    {
        var policy = new ReconnectPolicy(jitterFraction: 0.2, random: new Random(7));
        var seen = new HashSet<TimeSpan>();
        for (int i = 0; i < 200; i++)
        {
            TimeSpan d = policy.NextDelay(3);
            Assert.InRange(d, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6));
            Assert.True(d <= policy.MaxDelay(3));
            seen.Add(d);
        }

        Assert.True(seen.Count > 10);
    }

    [Fact]
    public void Custom_schedule_repeats_its_last_delay()
    {
        var policy = new ReconnectPolicy([TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3)], 0);
        Assert.Equal(TimeSpan.FromMilliseconds(100), policy.NextDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(3), policy.NextDelay(2));
        Assert.Equal(TimeSpan.FromSeconds(3), policy.NextDelay(99));
    }

    [Fact]
    public void Bad_settings_are_rejected_with_clear_errors()
    {
        Assert.Throws<ArgumentException>(() => new ReconnectPolicy([]));
        Assert.Throws<ArgumentException>(() => new ReconnectPolicy([TimeSpan.FromSeconds(-1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectPolicy(jitterFraction: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectPolicy().NextDelay(0));
    }
}
