using Gv2Edge.Cli.Infrastructure;

namespace Gv2Edge.Cli.Recording;

/// <summary><c>--record FILE</c> of demo, run and stream: opens the recorder and reports what it wrote.</summary>
public static class RecordOption
{
    /// <summary>The option's name.</summary>
    public const string Name = "record";

    /// <summary>A recorder on <c>--record FILE</c> starting at <paramref name="clock"/>'s now, or null without the option.</summary>
    public static TickRecorder? Open(CommandContext ctx, TimeProvider clock, IReadOnlyDictionary<string, object?>? extra = null)
    {
        if (ctx.Args.Get(Name) is not { } path)
        {
            return null;
        }

        var metadata = new Dictionary<string, object?>
        {
            ["command"] = ctx.Command,
            ["createdUtc"] = DateTimeOffset.UtcNow,
            ["format"] = "gv2-edge level-1 recording",
        };
        foreach ((string key, object? value) in extra ?? new Dictionary<string, object?>())
        {
            metadata[key] = value;
        }

        try
        {
            return TickRecorder.Create(path, clock.GetUtcNow(), metadata);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--record: cannot write {path}: {ex.Message}");
        }
    }

    /// <summary>Closes the recorder and says what it holds.</summary>
    public static void Close(CommandContext ctx, TickRecorder? recorder)
    {
        if (recorder is null)
        {
            return;
        }

        recorder.Dispose();
        ctx.Err.WriteLine($"edge {ctx.Command}: recorded {recorder.Ticks} ticks in {recorder.Bytes / 1024.0:0.#} KB to {recorder.Path}; replay with: edge replay {recorder.Path}");
    }
}
