using Gv2Edge.Tws.Pacing;

namespace Gv2Edge.Tws.Tests.Unit;

public class MessagePacerTests
{
    [Fact]
    public void Default_rate_spaces_messages_at_least_22_ms_apart()
    {
        var pacer = new MessagePacer();
        Assert.Equal(45, pacer.MessagesPerSecond);
        Assert.True(pacer.Interval >= TimeSpan.FromMilliseconds(22));
        Assert.True(pacer.Interval < TimeSpan.FromMilliseconds(23));
    }

    [Theory]
    [InlineData(45)]
    [InlineData(49)]
    [InlineData(10)]
    public void A_burst_sent_as_fast_as_allowed_never_puts_more_than_50_in_a_second(int rate)
    {
        var pacer = new MessagePacer(rate);
        var sent = new List<long>();
        long now = 0;
        while (sent.Count < 500)
        {
            // A writer that sends the instant it is allowed (worst case for the gateway's window).
            now += pacer.DelayBeforeNext(now).Ticks;
            Assert.True(pacer.CanSend(now));
            pacer.MarkSent(now);
            sent.Add(now);
        }

        Assert.True(PacingAssert.MaxInAnySecond(sent) <= 50);
        Assert.True(PacingAssert.MaxInAnySecond(sent) <= rate + 1);
        Assert.True(PacingAssert.MinGap(sent) >= pacer.Interval);
    }

    [Fact]
    public void A_stalled_writer_does_not_catch_up_in_a_burst()
    {
        var pacer = new MessagePacer(45);
        pacer.MarkSent(0);
        long late = TimeSpan.FromSeconds(5).Ticks;
        Assert.Equal(TimeSpan.Zero, pacer.DelayBeforeNext(late));
        pacer.MarkSent(late);
        Assert.Equal(pacer.Interval, pacer.DelayBeforeNext(late));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(100)]
    public void Rates_that_could_break_the_gateway_limit_are_rejected(int rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessagePacer(rate));
    }
}
