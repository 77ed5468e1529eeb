using Gv2Edge.Radar.Engines;
using Xunit;

namespace Gv2Edge.Radar.Tests.Engines;

public class UniverseContextTests
{
    private static readonly string[] SimulatorUniverse =
    [
        "symbol,name,primaryExchange,conId,price,avgDailyVolume,typicalSpread,marketCap,float,hasOptions",
        "AAPL,Apple Inc,NASDAQ,265598,229.9,52000000,0.02,3480000000000,14051850695,1",
        "ROKU,Roku Inc,NASDAQ,93789787,3.1,6967848,0.01,538447801,91621215,1",
        "\"ODD, Inc\",\"Odd, Inc\",NYSE,1,2.0,,0.01,,,0",
        "THIN,Thin Co,NYSE,2,4.0,20000,0.01,90000000,8000000,0",
    ];

    [Fact]
    public void Market_cap_float_and_average_volume_columns_become_each_symbols_context()
    {
        UniverseContext u = UniverseContext.Parse(SimulatorUniverse, "universe.csv");

        Assert.Equal(["avgVolume", "marketCap", "float"], u.Columns);
        Assert.Equal(new SymbolContext { AvgVolume = 6967848, MarketCap = 538447801, Float = 91621215 }, u.For("roku"));
        Assert.Null(u.For("ODD, INC"));                                     // quoted cells, every context cell empty
        Assert.Null(u.For("MSFT"));
        Assert.Equal(3, u.Count);
    }

    [Fact]
    public void The_radar_filters_use_the_universe_columns()
    {
        UniverseContext u = UniverseContext.Parse(SimulatorUniverse, "universe.csv");
        var o = new SmallCapRadarOptions();

        Assert.True(o.Admits(3.1, u.For("ROKU")));
        Assert.False(o.Admits(3.1, u.For("AAPL")));                        // $3.5 T market cap, 14 B float
        Assert.False(o.Admits(4.0, u.For("THIN")));                        // 20,000 shares a day
        Assert.True(o.Admits(2.0, u.For("ODD, INC")));                     // nothing known: price only
    }

    [Fact]
    public void A_plain_symbol_list_or_a_file_without_those_columns_gives_no_context()
    {
        Assert.Equal(0, UniverseContext.Parse(["# watch list", "AAPL", "ROKU"], "list.txt").Count);
        Assert.Empty(UniverseContext.Parse(["symbol,name", "AAPL,Apple"], "u.csv").Columns);
    }

    [Fact]
    public void A_bad_number_names_the_line_and_the_column()
    {
        var ex = Assert.Throws<FormatException>(() => UniverseContext.Parse(["symbol,marketCap", "AAPL,3.4T"], "u.csv"));

        Assert.Equal("u.csv line 2: marketCap \"3.4T\" is not a non-negative number.", ex.Message);
    }
}
