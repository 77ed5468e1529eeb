using Gv2Edge.Tws.MarketData;

namespace Gv2Edge.Tws.Tests.Unit;

public class LineBudgetTests
{
    [Fact]
    public void Streaming_cannot_take_the_reserve_but_on_demand_can()
    {
        var budget = new LineBudget(maxLines: 100, reservedLines: 10);
        for (int i = 0; i < 90; i++)
        {
            Assert.True(budget.TryAcquire(LineKind.Streaming));
        }

        Assert.False(budget.TryAcquire(LineKind.Streaming));
        Assert.Equal(10, budget.Free);
        for (int i = 0; i < 10; i++)
        {
            Assert.True(budget.TryAcquire(LineKind.OnDemand));
        }

        Assert.False(budget.TryAcquire(LineKind.OnDemand));
        LineBudgetSnapshot s = budget.Snapshot();
        Assert.Equal(new LineBudgetSnapshot(100, 10, 90, 10, 0), s);
        Assert.Equal(100, s.Used);
    }

    [Fact]
    public void On_demand_lines_in_use_count_against_the_reserve_first()
    {
        var budget = new LineBudget(20, 5);
        Assert.True(budget.TryAcquire(LineKind.OnDemand));
        Assert.True(budget.TryAcquire(LineKind.OnDemand));

        // 2 of the 5 reserved lines are busy with on-demand work; streaming still gets 15.
        Assert.Equal(15, budget.FreeForStreaming);
        budget.Release(LineKind.OnDemand);
        budget.Release(LineKind.OnDemand);
        Assert.Equal(15, budget.FreeForStreaming);
    }

    [Fact]
    public void Error_101_lowers_the_limit_to_what_IB_accepted()
    {
        var budget = new LineBudget(100, 10);
        for (int i = 0; i < 41; i++)
        {
            budget.TryAcquire(LineKind.Streaming);
        }

        // The 41st line was refused by IB with 101: the account allows 40.
        Assert.Equal(40, budget.LearnLimitFromMaxTickers());
        budget.Release(LineKind.Streaming);
        Assert.Equal(40, budget.MaxLines);
        Assert.Equal(30, budget.UsedByStreaming + budget.FreeForStreaming);
    }

    [Fact]
    public void Releases_never_go_negative()
    {
        var budget = new LineBudget(10, 2);
        budget.Release(LineKind.Streaming);
        budget.Release(LineKind.OnDemand);
        Assert.Equal(0, budget.Used);
        Assert.Equal(10, budget.Free);
    }

    [Fact]
    public void Bad_settings_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineBudget(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineBudget(10, 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineBudget(10, -1));
    }
}
