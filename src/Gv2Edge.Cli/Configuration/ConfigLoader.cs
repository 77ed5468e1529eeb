using Gv2Edge.Cli.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Gv2Edge.Cli.Configuration;

/// <summary>
/// Builds the effective configuration: built-in defaults, then <c>appsettings.json</c> (beside the program, then
/// the current directory, or the file given with <c>--config</c>), then <c>EDGE_</c> environment variables, then
/// command-line flags. Later sources win.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Loads, binds and validates.</summary>
    public static (EdgeSettings Settings, IConfigurationRoot Root) Load(string? configFile, IReadOnlyDictionary<string, string?> flagOverrides)
    {
        var builder = new ConfigurationBuilder();
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            string full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new ConfigurationException($"--config: the file {configFile} does not exist.");
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }
        else
        {
            builder.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables("EDGE_");
        builder.AddInMemoryCollection(flagOverrides.Where(kv => kv.Value is not null));

        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            throw new ConfigurationException($"The configuration file cannot be read: {ex.GetBaseException().Message}");
        }

        EdgeSettings settings;
        try
        {
            settings = new EdgeSettings
            {
                Ibkr = root.GetSection("Ibkr").Get<IbkrSettings>() ?? new IbkrSettings(),
                Journal = root.GetSection("Journal").Get<JournalSettings>() ?? new JournalSettings(),
                Detectors = root.GetSection("Detectors").Get<Radar.Detectors.DetectorOptions>() ?? new Radar.Detectors.DetectorOptions(),
                Engines = root.GetSection("Engines").Get<EngineSettings>() ?? new EngineSettings(),
            };
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.InnerException is null ? ex.Message : $"{ex.Message} {ex.InnerException.Message}");
        }

        settings.Validate();
        return (settings, root);
    }

    /// <summary>Every key with its effective value and the source that set it (for <c>edge config</c>).</summary>
    public static IReadOnlyList<(string Key, string? Value, string Source)> Describe(IConfigurationRoot root)
    {
        var defaults = new EdgeSettings();
        var keys = new List<(string Key, object? Default)>
        {
            ("Ibkr:UseIbkrData", defaults.Ibkr.UseIbkrData), ("Ibkr:Host", defaults.Ibkr.Host), ("Ibkr:Port", defaults.Ibkr.Port),
            ("Ibkr:ClientId", defaults.Ibkr.ClientId), ("Ibkr:EnableStreaming", defaults.Ibkr.EnableStreaming),
            ("Ibkr:MaxSubscriptions", defaults.Ibkr.MaxSubscriptions), ("Ibkr:MaxLines", defaults.Ibkr.MaxLines),
            ("Ibkr:ReservedLines", defaults.Ibkr.ReservedLines), ("Ibkr:MarketDataType", defaults.Ibkr.MarketDataType),
            ("Ibkr:MessagesPerSecond", defaults.Ibkr.MessagesPerSecond), ("Ibkr:ConnectTimeoutSeconds", defaults.Ibkr.ConnectTimeoutSeconds),
            ("Journal:Path", defaults.JournalPath),
        };
        foreach (System.Reflection.PropertyInfo p in typeof(Radar.Detectors.DetectorOptions).GetProperties().Where(p => p.CanWrite))
        {
            keys.Add(("Detectors:" + p.Name, p.GetValue(defaults.Detectors)));
        }

        foreach (System.Reflection.PropertyInfo p in typeof(EngineSettings).GetProperties().Where(p => p.CanWrite))
        {
            keys.Add(("Engines:" + p.Name, p.GetValue(defaults.Engines)));
        }

        var rows = new List<(string, string?, string)>();
        foreach ((string key, object? def) in keys)
        {
            string source = "default";
            string? value = def is bool b ? (b ? "true" : "false") : Convert.ToString(def, System.Globalization.CultureInfo.InvariantCulture);
            foreach (IConfigurationProvider p in root.Providers.Reverse())
            {
                if (p.TryGet(key, out string? v))
                {
                    value = v;
                    source = p switch
                    {
                        Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider j => "file " + j.Source.Path,
                        Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider => "environment EDGE_" + key.Replace(":", "__", StringComparison.Ordinal),
                        _ => "command line",
                    };
                    break;
                }
            }

            rows.Add((key, value, source));
        }

        return rows;
    }
}
