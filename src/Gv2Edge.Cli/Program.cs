using Gv2Edge.Cli.Commands;
using Gv2Edge.Cli.Infrastructure;

namespace Gv2Edge.Cli;

/// <summary>Entry point of <c>edge</c>.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var app = new EdgeApp(CommandCatalog.All, Console.Out, Console.Error);
        return await app.RunAsync(args, !Console.IsOutputRedirected, stop.Token).ConfigureAwait(false);
    }
}
