using Gv2Edge.Cli.Commands;
using Gv2Edge.Cli.Infrastructure;

namespace Gv2Edge.Cli.Tests;

/// <summary>Runs <c>edge</c> in-process with captured stdout/stderr.</summary>
public static class CliRunner
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var app = new EdgeApp(CommandCatalog.All, stdout, stderr);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        int code = await app.RunAsync(args, isTerminal: false, cts.Token);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
