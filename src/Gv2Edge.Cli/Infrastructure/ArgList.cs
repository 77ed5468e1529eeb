namespace Gv2Edge.Cli.Infrastructure;

/// <summary>
/// The command line after the command word: options (<c>--name value</c>, <c>--name=value</c>, repeatable),
/// flags (<c>--json</c>) and positional arguments. Unknown options are an error, reported by name.
/// </summary>
public sealed class ArgList
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    private ArgList() { }

    /// <summary>Positional arguments in order (e.g. symbols).</summary>
    public IReadOnlyList<string> Positional => _positional;

    /// <summary>
    /// Parses <paramref name="args"/>. <paramref name="valueOptions"/> take a value; <paramref name="flagOptions"/>
    /// take none. Anything else starting with <c>--</c> throws <see cref="UsageException"/>.
    /// </summary>
    public static ArgList Parse(IEnumerable<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
    {
        var list = new ArgList();
        using IEnumerator<string> e = args.GetEnumerator();
        while (e.MoveNext())
        {
            string a = e.Current;
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
            {
                list._positional.Add(a);
                continue;
            }

            string name = a[2..];
            string? inline = null;
            int eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }

            if (flagOptions.Contains(name))
            {
                if (inline is not null)
                {
                    throw new UsageException($"--{name} takes no value.");
                }

                list._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                string value = inline ?? (e.MoveNext() ? e.Current : throw new UsageException($"--{name} needs a value."));
                if (!list._options.TryGetValue(name, out List<string>? values))
                {
                    list._options[name] = values = [];
                }

                values.Add(value);
            }
            else
            {
                string known = string.Join(", ", valueOptions.Concat(flagOptions).Order().Select(o => "--" + o));
                throw new UsageException($"Unknown option --{name}. This command takes: {known}.");
            }
        }

        return list;
    }

    /// <summary>True when the flag was given.</summary>
    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>The last value of an option, or null.</summary>
    public string? Get(string name) => _options.TryGetValue(name, out List<string>? v) ? v[^1] : null;

    /// <summary>Every value of a repeatable option, split on commas too.</summary>
    public IReadOnlyList<string> GetAll(string name)
        => _options.TryGetValue(name, out List<string>? v)
            ? v.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : [];

    /// <summary>An int option, validated.</summary>
    public int? GetInt(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        string? s = Get(name);
        if (s is null)
        {
            return null;
        }

        if (!int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int v) || v < min || v > max)
        {
            throw new UsageException($"--{name} must be a whole number between {min} and {max}; got \"{s}\".");
        }

        return v;
    }

    /// <summary>A number option, validated.</summary>
    public double? GetDouble(string name, double min = double.MinValue, double max = double.MaxValue)
    {
        string? s = Get(name);
        if (s is null)
        {
            return null;
        }

        if (!double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v)
            || double.IsNaN(v) || v < min || v > max)
        {
            throw new UsageException($"--{name} must be a number between {min} and {max}; got \"{s}\".");
        }

        return v;
    }

    /// <summary>A duration option: <c>90s</c>, <c>10m</c>, <c>2h</c>, or plain seconds.</summary>
    public TimeSpan? GetDuration(string name)
    {
        string? s = Get(name);
        return s is null ? null : DurationText.Parse(s, "--" + name);
    }
}

/// <summary>Bad usage: wrong option, bad value. Exit code 1 with the message.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Parses human durations.</summary>
public static class DurationText
{
    /// <summary>Parses <c>90s</c>, <c>10m</c>, <c>2h</c>, <c>1d</c> or plain seconds.</summary>
    public static TimeSpan Parse(string text, string what)
    {
        string t = text.Trim().ToLowerInvariant();
        double factor = 1;
        if (t.EndsWith("ms", StringComparison.Ordinal))
        {
            factor = 0.001;
            t = t[..^2];
        }
        else if (t.Length > 0 && char.IsLetter(t[^1]))
        {
            factor = t[^1] switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86400,
                _ => throw new UsageException($"{what}: unknown unit in \"{text}\"; use s, m, h or d (e.g. 90s, 10m)."),
            };
            t = t[..^1];
        }

        if (!double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) || v < 0 || double.IsNaN(v))
        {
            throw new UsageException($"{what}: \"{text}\" is not a duration; use e.g. 90s, 10m or 2h.");
        }

        return TimeSpan.FromSeconds(v * factor);
    }
}
