namespace Gv2Edge.Cli;

/// <summary>Entry point of <c>edge</c>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Out.WriteLine("edge: GV2-EDGE for .NET. Commands are being built; see README.md.");
        return args.Length == 0 ? 0 : 1;
    }
}
