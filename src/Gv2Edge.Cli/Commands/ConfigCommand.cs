using Gv2Edge.Cli.Configuration;
using Gv2Edge.Cli.Infrastructure;

namespace Gv2Edge.Cli.Commands;

/// <summary><c>edge config</c>: the effective configuration, each key with its value and where it came from.</summary>
public static class ConfigCommand
{
    public static readonly CommandSpec Spec = new(
        "config",
        "print the effective configuration with the source of each value",
        "edge config [--config FILE] [--json]",
        0,
        [],
        [],
        Run);

    private static Task<int> Run(CommandContext ctx)
    {
        IReadOnlyList<(string Key, string? Value, string Source)> rows = ConfigLoader.Describe(ctx.ConfigurationRoot);
        if (ctx.JsonOutput)
        {
            ctx.WriteJson(rows.Select(r => new { key = r.Key, value = r.Value, source = r.Source }).ToList());
        }
        else
        {
            foreach ((string key, string? value, string source) in rows)
            {
                ctx.Out.WriteLine($"{key,-28} {value,-40} ({source})");
            }
        }

        return Task.FromResult(ExitCodes.Ok);
    }
}
