using System.Globalization;
using System.Reflection;

namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>The stocks the simulator knows. <see cref="Default"/> is the shipped list of several hundred US stocks.</summary>
public sealed class Universe
{
    private const string Header = "symbol,name,primaryExchange,conId,price,avgDailyVolume,typicalSpread,marketCap,float,hasOptions";
    private static readonly Lazy<Universe> DefaultUniverse = new(LoadDefault);
    private readonly Dictionary<string, StockInfo> _bySymbol;
    private readonly Dictionary<int, StockInfo> _byConId;

    public Universe(IEnumerable<StockInfo> stocks)
    {
        Stocks = stocks.ToArray();
        _bySymbol = new Dictionary<string, StockInfo>(StringComparer.OrdinalIgnoreCase);
        _byConId = [];
        foreach (StockInfo s in Stocks)
        {
            if (!_bySymbol.TryAdd(s.Symbol, s))
            {
                throw new ArgumentException($"The universe lists {s.Symbol} twice.", nameof(stocks));
            }

            if (!_byConId.TryAdd(s.ConId, s))
            {
                throw new ArgumentException($"Contract id {s.ConId} is used by two symbols.", nameof(stocks));
            }
        }
    }

    /// <summary>The shipped universe (embedded <c>universe.csv</c>).</summary>
    public static Universe Default => DefaultUniverse.Value;

    /// <summary>All stocks, in file order.</summary>
    public IReadOnlyList<StockInfo> Stocks { get; }

    public StockInfo? Find(string symbol) => _bySymbol.GetValueOrDefault(symbol);

    public StockInfo? Find(int conId) => _byConId.GetValueOrDefault(conId);

    /// <summary>Reads a universe CSV with the header <c>symbol,name,primaryExchange,conId,price,avgDailyVolume,typicalSpread,marketCap,float,hasOptions</c>.</summary>
    public static Universe Parse(TextReader reader)
    {
        string? header = reader.ReadLine();
        if (header?.Trim() != Header)
        {
            throw new FormatException($"A universe file must start with the header \"{Header}\".");
        }

        var list = new List<StockInfo>();
        int lineNo = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] f = line.Split(',');
            if (f.Length != 10)
            {
                throw new FormatException($"Universe line {lineNo} has {f.Length} fields; 10 are expected.");
            }

            var c = CultureInfo.InvariantCulture;
            list.Add(new StockInfo(f[0], f[1], f[2], int.Parse(f[3], c), double.Parse(f[4], c), long.Parse(f[5], c),
                double.Parse(f[6], c), long.Parse(f[7], c), long.Parse(f[8], c), f[9] == "1"));
        }

        return new Universe(list);
    }

    private static Universe LoadDefault()
    {
        Assembly asm = typeof(Universe).Assembly;
        using Stream stream = asm.GetManifestResourceStream("Gv2Edge.Tws.Simulator.Data.universe.csv")
            ?? throw new InvalidOperationException("The embedded universe.csv is missing from the simulator assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
