namespace Gv2Edge.Cli.Infrastructure;

/// <summary>Exit codes of the CLI contract.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Bad usage, bad input or bad configuration.</summary>
    public const int Usage = 1;

    /// <summary>The gateway cannot be reached or refuses us.</summary>
    public const int Gateway = 2;

    /// <summary>The request ran but some of it failed (e.g. one of several symbols is unknown).</summary>
    public const int Partial = 3;
}

/// <summary>The gateway cannot be reached or refused us: exit code 2 with a plain message and the fix.</summary>
public sealed class GatewayUnavailableException(string message) : Exception(message);

/// <summary>Bad configuration: exit code 1, the message names the key.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
