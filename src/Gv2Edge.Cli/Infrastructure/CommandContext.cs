using Gv2Edge.Cli.Configuration;
using Microsoft.Extensions.Configuration;

namespace Gv2Edge.Cli.Infrastructure;

/// <summary>What a command gets: its arguments, the effective settings, the console streams and the stop token.</summary>
public sealed class CommandContext
{
    public required string Command { get; init; }

    public required ArgList Args { get; init; }

    public required EdgeSettings Settings { get; init; }

    public required IConfigurationRoot ConfigurationRoot { get; init; }

    /// <summary>Client id for this command: <c>--client-id</c>, else Ibkr:ClientId plus the command's offset.</summary>
    public required int ClientId { get; init; }

    /// <summary>True with <c>--json</c>: stdout carries JSON only.</summary>
    public bool JsonOutput => Args.Has("json");

    /// <summary>stdout.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>stderr: logs, progress, warnings.</summary>
    public required TextWriter Err { get; init; }

    /// <summary>True when stdout is a terminal (live views and progress bars only then).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Cancelled on Ctrl+C.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Writes one JSON document to stdout.</summary>
    public void WriteJson<T>(T value) => Out.WriteLine(Json.Serialize(value));
}

/// <summary>One <c>edge</c> command.</summary>
public sealed record CommandSpec(
    string Name,
    string Summary,
    string Usage,
    int ClientIdOffset,
    IReadOnlyCollection<string> ValueOptions,
    IReadOnlyCollection<string> Flags,
    Func<CommandContext, Task<int>> Run);
