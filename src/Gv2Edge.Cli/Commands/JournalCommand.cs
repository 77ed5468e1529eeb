using System.Globalization;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Cli.Journal;

namespace Gv2Edge.Cli.Commands;

/// <summary>
/// <c>edge journal</c>: what the journal holds — events, radar anomalies, options-flow signals, connection changes and
/// alert deliveries — in time order, filtered, as plain lines, a JSON array or CSV.
/// </summary>
public static partial class JournalCommand
{
    /// <summary>Default <c>--limit</c>.</summary>
    public const int DefaultLimit = 1000;

    public static readonly CommandSpec Spec = new(
        "journal",
        "list journaled events, anomalies, flow signals, connection changes and alert deliveries (filter by time, kind or type, symbol; JSON or CSV)",
        "edge journal [--since 1h|ISO-TIME] [--type events|anomalies|flow|connections|alerts|TYPE] [--symbol SYM] [--limit N (1000)] [--json|--csv]",
        0,
        ["since", "type", "symbol", "limit"],
        ["csv"],
        Run);

    private static Task<int> Run(CommandContext ctx)
    {
        bool csv = ctx.Args.Has("csv");
        if (csv && ctx.JsonOutput)
        {
            throw new UsageException("--json and --csv exclude each other; pick one.");
        }

        // --type names a kind (events, anomalies, flow, connections, alerts) or a type within the kinds.
        string? type = ctx.Args.Get("type");
        JournalKind? kind = JournalKinds.Parse(type);
        var query = new JournalEntryQuery
        {
            Since = ParseSince(ctx.Args.Get("since"), TimeProvider.System.GetUtcNow()),
            Kinds = kind is { } k ? [k] : JournalKinds.All,
            Type = kind is null ? type : null,
            Symbol = ctx.Args.Get("symbol"),
            Limit = ctx.Args.GetInt("limit", 1, 1_000_000) ?? DefaultLimit,
        };

        IReadOnlyList<JournalEntry> entries;
        try
        {
            entries = JournalReader.Open(ctx.Settings.JournalPath).QueryEntries(query);
        }
        catch (JournalException ex)
        {
            ctx.Err.WriteLine($"edge journal: {ex.Message}");
            return Task.FromResult(ExitCodes.Usage);
        }

        if (ctx.JsonOutput)
        {
            ctx.WriteJson(entries.Select(JournalEntryFormat.ToMap).ToList());
        }
        else if (csv)
        {
            ctx.Out.WriteLine(JournalEntryFormat.CsvHeader);
            foreach (JournalEntry e in entries)
            {
                ctx.Out.WriteLine(JournalEntryFormat.CsvLine(e));
            }
        }
        else if (entries.Count == 0)
        {
            ctx.Out.WriteLine("Nothing in the journal matches.");
        }
        else
        {
            foreach (JournalEntry e in entries)
            {
                ctx.Out.WriteLine(JournalEntryFormat.PlainLine(e));
            }
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>
    /// <c>--since</c>: a duration back from <paramref name="now"/> (<c>90s</c>, <c>10m</c>, <c>1h</c>, <c>2d</c>) or an
    /// ISO-8601 time; a time without an offset is exchange time (America/New_York).
    /// </summary>
    public static DateTimeOffset? ParseSince(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string t = text.Trim();
        if (DurationPattern().IsMatch(t))
        {
            return now - DurationText.Parse(t, "--since");
        }

        if (DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTime parsed))
        {
            if (parsed.Kind != DateTimeKind.Unspecified)
            {
                return DateTimeOffset.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            }

            // No offset given: traders mean exchange time.
            TimeZoneInfo et = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
            return new DateTimeOffset(parsed, et.GetUtcOffset(parsed));
        }

        throw new UsageException($"--since: \"{t}\" is neither a duration (90s, 10m, 1h, 2d) nor an ISO-8601 time (2026-11-25T09:30:00-05:00).");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+(\.\d+)?(ms|s|m|h|d)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DurationPattern();
}
