using CsCheck;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol.Tests;

/// <summary>CsCheck generators for protocol values and messages.</summary>
internal static class Gens
{
    private const string Printable = " !\"#$%&'()*+,-./0123456789:<>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    public static readonly Gen<int> Version = Gen.Int[ServerVersions.MinSupported, ServerVersions.MaxSupported];

    /// <summary>Printable ASCII without '=' and ';' (so it also fits TagValue lists and RTVolume).</summary>
    public static readonly Gen<string> Text = Gen.Char[Printable].Array[0, 12].Select(a => new string(a));

    /// <summary>Any BMP text except backslash (escaped text: error messages, long names).</summary>
    public static readonly Gen<string> AnyText = Gen.Char['\u0001', '\uD7FF'].Where(c => c != '\\').Array[0, 16].Select(a => new string(a));

    public static readonly Gen<int> Id = Gen.Int[-1, 1_000_000];

    public static readonly Gen<double> Price = Gen.OneOf(Gen.Double[-1_000_000, 1_000_000], Gen.Int[-5, 100_000].Select(i => i / 100d), Gen.Const(double.PositiveInfinity));

    public static readonly Gen<decimal?> Size = Gen.OneOf(
        Gen.Long[0, 10_000_000_000].Select(l => (decimal)l),
        Gen.Long[0, 100_000_000].Select(l => l / 1000m),
        Gen.Int[-1000, 0].Select(i => (decimal)i)).Where(d => d != int.MaxValue).Nullable(0.2);

    public static readonly Gen<double> Greek = Gen.Double[-0.99, 500];

    public static readonly Gen<IReadOnlyList<KeyValuePair<string, string>>> Tags = Gen.Select(
        Gen.Char["abcXYZ09_."].Array[1, 6].Select(a => new string(a)), Text, (k, v) => new KeyValuePair<string, string>(k, v))
        .Array[0, 3].Select(a => a.Length == 0 ? TagValues.Empty : (IReadOnlyList<KeyValuePair<string, string>>)a);

    public static readonly Gen<Contract> Contract = Gen.Select(Gen.Int[0, 900_000_000], Text, Gen.OneOf(Gen.Const("STK"), Gen.Const("OPT"), Gen.Const("BAG"), Text),
        Text, Gen.Double[0.5, 5000].Nullable(0.5), Text, Text, Text,
        Gen.Select(Text, Text, Text, Text, Gen.Bool, Text, Text, Text, (a, b, c, d, e, f, g, h) => (a, b, c, d, e, f, g, h)),
        (conId, sym, sec, ltd, strike, right, mult, exch, rest) => new Contract
        {
            ConId = conId,
            Symbol = sym,
            SecType = sec,
            LastTradeDateOrContractMonth = ltd,
            Strike = strike,
            Right = right,
            Multiplier = mult,
            Exchange = exch,
            PrimaryExchange = rest.a,
            Currency = rest.b,
            LocalSymbol = rest.c,
            TradingClass = rest.d,
            IncludeExpired = rest.e,
            SecIdType = rest.f,
            SecId = rest.g,
            IssuerId = rest.h,
        });

    public static readonly Gen<Bar> Bar = Gen.Select(Text, Price, Price, Price, Price, Size, Size, Gen.Int[-1, 100_000],
        (d, o, h, l, c, v, w, n) => new Bar(d, o, h, l, c, v, w, n));

    public static readonly Gen<TickString> TickString = Gen.OneOf(
        Gen.Select(Id, Gen.OneOf(Gen.Const(48), Gen.Const(77)), Price.Nullable(0.2), Size, Gen.Long[0, 2_000_000_000_000], Size, Price.Nullable(0.2), Gen.Bool,
            (id, t, p, s, time, tv, w, single) => Messages.TickString.FromRtVolume(id, t, p, s, time, tv, w, single)),
        Gen.Select(Id, Gen.OneOf(Gen.Const(45), Gen.Const(88)), Gen.Long[0, 4_000_000_000], (id, t, s) => Messages.TickString.FromTimestamp(id, t, s)),
        Gen.Select(Id, Gen.Int[0, 44], Text, (id, t, s) => Messages.TickString.FromText(id, t, s)));

    public static readonly Gen<TickOptionComputation> OptionComputation = Gen.Select(Id, Gen.Int[10, 13], Gen.Int[0, 1],
        Greek.Nullable(0.3), Greek.Nullable(0.3), Greek.Nullable(0.3), Greek.Nullable(0.3),
        Gen.Select(Greek.Nullable(0.3), Greek.Nullable(0.3), Greek.Nullable(0.3), Greek.Nullable(0.3), (a, b, c, d) => (a, b, c, d)),
        (id, t, attr, iv, delta, opt, pv, rest) => new TickOptionComputation(id, t, attr, iv, delta, opt, pv, rest.a, rest.b, rest.c, rest.d));
}
