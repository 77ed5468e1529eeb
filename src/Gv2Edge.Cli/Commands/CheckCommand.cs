using Gv2Edge.Cli.Check;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Radar.Services;

namespace Gv2Edge.Cli.Commands;

/// <summary><c>edge check [--symbol SPY]...</c>: the guide's troubleshooting checklist against the configured gateway.</summary>
public static class CheckCommand
{
    public static readonly CommandSpec Spec = new(
        "check",
        "diagnose the gateway connection: ports, client id, server version, accounts, farms, clock, quotes",
        "edge check [--symbol SPY]... [--wait 10s] [--json]",
        1,
        ["symbol", "wait"],
        [],
        Run);

    private static async Task<int> Run(CommandContext ctx)
    {
        IReadOnlyList<string> symbols = ctx.Args.GetAll("symbol");
        symbols = symbols.Count == 0 ? ["SPY"] : symbols;
        foreach (string s in symbols)
        {
            try
            {
                ContractResolver.Normalize(s);
            }
            catch (SymbolException ex)
            {
                throw new UsageException($"--symbol: {ex.Message}");
            }
        }

        TimeSpan wait = ctx.Args.GetDuration("wait") ?? TimeSpan.FromSeconds(10);
        CheckReport report = await GatewayCheck.RunAsync(ctx, symbols, wait).ConfigureAwait(false);
        if (ctx.JsonOutput)
        {
            ctx.WriteJson(report);
        }
        else
        {
            Print(ctx, report);
        }

        return report.ServerVersion is null ? ExitCodes.Gateway : report.Ok ? ExitCodes.Ok : ExitCodes.Partial;
    }

    private static void Print(CommandContext ctx, CheckReport r)
    {
        TextWriter o = ctx.Out;
        o.WriteLine($"gateway       {r.Host}:{PortProbe.Describe(r.Port)}");
        if (r.ServerVersion is { } v)
        {
            o.WriteLine($"connected     server version {v}, connection time {r.ConnectionTime}");
            o.WriteLine($"accounts      {string.Join(", ", r.Accounts)}{(r.Accounts.All(a => a.StartsWith("DU", StringComparison.Ordinal)) ? " (paper)" : string.Empty)}");
            o.WriteLine($"round trip    {(r.RoundTripMs is { } rt ? $"{rt:0.0} ms" : "-")}");
            o.WriteLine($"clock skew    {(r.ClockSkewMs is { } sk ? $"{sk:0} ms" : "-")}");
            o.WriteLine($"farms         {(r.Farms.Count == 0 ? "(no status received)" : string.Join(", ", r.Farms.Select(f => $"{f.Name} {f.Status}")))}");
            o.WriteLine($"quotes        {(r.QuotesFlowing ? "flowing" : "NOT flowing")}");
        }
        else
        {
            o.WriteLine("connected     no");
        }

        foreach (CheckProblem p in r.Problems)
        {
            o.WriteLine();
            o.WriteLine($"problem [{p.Code}] {p.Message}");
            o.WriteLine($"  fix: {p.Fix}");
        }

        o.WriteLine();
        o.WriteLine(r.Ok ? "OK: connected and quotes flow." : r.ServerVersion is null ? "FAILED: not connected." : "FAILED: connected, but quotes do not flow.");
    }
}
