using Gv2Edge.Cli.Configuration;

namespace Gv2Edge.Cli.Infrastructure;

/// <summary>
/// Parses the command line, loads configuration, runs one command and maps every failure to a plain sentence
/// and an exit code of the CLI contract. Never lets a stack trace reach the console.
/// </summary>
public sealed class EdgeApp
{
    /// <summary>Options every command takes.</summary>
    public static readonly string[] CommonValueOptions = ["host", "port", "client-id", "config"];

    /// <summary>Flags every command takes.</summary>
    public static readonly string[] CommonFlags = ["json", "help"];

    private readonly IReadOnlyList<CommandSpec> _commands;
    private readonly TextWriter _out;
    private readonly TextWriter _err;

    public EdgeApp(IReadOnlyList<CommandSpec> commands, TextWriter stdout, TextWriter stderr)
    {
        _commands = commands;
        _out = stdout;
        _err = stderr;
    }

    /// <summary>Runs <paramref name="args"/>; returns the exit code.</summary>
    public async Task<int> RunAsync(string[] args, bool isTerminal, CancellationToken cancellation)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            WriteHelp(args.Length > 1 ? args[1] : null);
            return ExitCodes.Ok;
        }

        CommandSpec? spec = _commands.FirstOrDefault(c => c.Name == args[0]);
        if (spec is null)
        {
            _err.WriteLine($"edge: unknown command \"{args[0]}\". Commands: {string.Join(", ", _commands.Select(c => c.Name))}. Try 'edge help'.");
            return ExitCodes.Usage;
        }

        try
        {
            ArgList parsed = ArgList.Parse(args.Skip(1), spec.ValueOptions.Concat(CommonValueOptions).ToHashSet(), spec.Flags.Concat(CommonFlags).ToHashSet());
            if (parsed.Has("help"))
            {
                WriteHelp(spec.Name);
                return ExitCodes.Ok;
            }

            var overrides = new Dictionary<string, string?>
            {
                ["Ibkr:Host"] = parsed.Get("host"),
                ["Ibkr:Port"] = parsed.GetInt("port", 1, 65535)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            (EdgeSettings settings, Microsoft.Extensions.Configuration.IConfigurationRoot root) = ConfigLoader.Load(parsed.Get("config"), overrides);
            int clientId = parsed.GetInt("client-id", 0, 999_999) ?? settings.Ibkr.ClientId + spec.ClientIdOffset;
            var context = new CommandContext
            {
                Command = spec.Name,
                Args = parsed,
                Settings = settings,
                ConfigurationRoot = root,
                ClientId = clientId,
                Out = _out,
                Err = _err,
                IsTerminal = isTerminal,
                Cancellation = cancellation,
            };
            return await spec.Run(context).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            _err.WriteLine($"edge {spec.Name}: {ex.Message}");
            _err.WriteLine($"Usage: {spec.Usage}");
            return ExitCodes.Usage;
        }
        catch (ConfigurationException ex)
        {
            _err.WriteLine($"edge {spec.Name}: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Journal.JournalException ex)
        {
            _err.WriteLine($"edge {spec.Name}: the journal cannot be used: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (GatewayUnavailableException ex)
        {
            _err.WriteLine($"edge {spec.Name}: {ex.Message}");
            return ExitCodes.Gateway;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            _err.WriteLine($"edge {spec.Name}: stopped.");
            return ExitCodes.Ok;
        }
        catch (Exception ex)
        {
            // Last resort: a plain sentence, never a stack trace.
            _err.WriteLine($"edge {spec.Name}: unexpected failure: {ex.GetBaseException().Message}");
            _err.WriteLine("This is a bug in edge; please report it with the command you ran.");
            return ExitCodes.Usage;
        }
    }

    private void WriteHelp(string? command)
    {
        CommandSpec? spec = command is null ? null : _commands.FirstOrDefault(c => c.Name == command);
        if (spec is not null)
        {
            _out.WriteLine($"edge {spec.Name}: {spec.Summary}");
            _out.WriteLine($"Usage: {spec.Usage}");
            _out.WriteLine("Common options: --host H (127.0.0.1) --port P (4002) --client-id N --config FILE --json");
            return;
        }

        _out.WriteLine("edge: GV2-EDGE for .NET, a real-time US-equities radar on Interactive Brokers (read-only).");
        _out.WriteLine();
        _out.WriteLine("Commands:");
        foreach (CommandSpec c in _commands)
        {
            _out.WriteLine($"  {c.Name,-9} {c.Summary}");
        }

        _out.WriteLine();
        _out.WriteLine("Common options: --host H (127.0.0.1) --port P (4002) --client-id N --config FILE --json");
        _out.WriteLine("Run 'edge help COMMAND' for a command's options. Documentation: docs/CLI.md.");
    }
}
