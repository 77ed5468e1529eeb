using System.Globalization;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Market;

namespace Gv2Edge.Cli.Commands;

/// <summary><c>edge session [--at TIME]</c>: the US equity session, next open/close, holiday or half-day.</summary>
public static class SessionCommand
{
    public static readonly CommandSpec Spec = new(
        "session",
        "the US equity session now (or --at a time): PRE, RTH, POST or CLOSED, next open/close, holidays",
        "edge session [--at \"2026-11-27 12:00\" | --at 2026-11-27T17:00:00Z] [--holidays FILE] [--json]",
        0,
        ["at", "holidays"],
        [],
        Run);

    private static Task<int> Run(CommandContext ctx)
    {
        UsEquityCalendar calendar = LoadCalendar(ctx.Args.Get("holidays"));
        DateTimeOffset time = ctx.Args.Get("at") is { } atText ? ParseTime(atText, "--at") : TimeProvider.System.GetUtcNow();
        SessionInfo info;
        try
        {
            info = new UsEquitySessions(calendar).GetSession(time);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new UsageException($"--at: {time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} is outside the calendar's range (years 2000 to 2100).");
        }

        if (ctx.JsonOutput)
        {
            ctx.WriteJson(new
            {
                time = info.Time,
                session = info.Session.ToName(),
                tradingDay = info.IsTradingDay,
                halfDay = info.IsHalfDay,
                holiday = info.IsTradingDay ? (info.IsHalfDay ? null : info.Holiday) : info.Holiday,
                rthOpen = info.RthOpen,
                rthClose = info.RthClose,
                nextOpen = info.NextOpen,
                nextClose = info.NextClose,
            });
            return Task.FromResult(ExitCodes.Ok);
        }

        ctx.Out.WriteLine($"{info.Time:yyyy-MM-dd HH:mm:ss} ET  {info.Session.ToName()}");
        string kind = !info.IsTradingDay ? $"not a trading day{(info.Holiday is { } h ? $" ({h})" : string.Empty)}"
            : info.IsHalfDay ? $"half-day{(info.Holiday is { } r ? $" ({r})" : string.Empty)}: RTH 09:30-13:00, after hours to 17:00"
            : "trading day: PRE 04:00-09:30, RTH 09:30-16:00, POST 16:00-20:00";
        ctx.Out.WriteLine($"{info.Time:dddd yyyy-MM-dd}: {kind}");
        ctx.Out.WriteLine($"next open  {info.NextOpen:ddd yyyy-MM-dd HH:mm} ET");
        ctx.Out.WriteLine($"next close {info.NextClose:ddd yyyy-MM-dd HH:mm} ET");
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>The built-in calendar, plus a user file of one-off closures when given.</summary>
    public static UsEquityCalendar LoadCalendar(string? extraFile)
    {
        if (extraFile is null)
        {
            return new UsEquityCalendar();
        }

        if (!File.Exists(extraFile))
        {
            throw new UsageException($"--holidays: the file {extraFile} does not exist.");
        }

        try
        {
            return UsEquityCalendar.Load(extraFile);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--holidays: {ex.Message}");
        }
    }

    /// <summary>
    /// An exchange-local time (<c>2026-11-27 12:00</c>, taken as America/New_York) or ISO-8601 with an offset or Z.
    /// </summary>
    public static DateTimeOffset ParseTime(string text, string what)
    {
        string t = text.Trim();
        string[] zoned = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        if ((t.EndsWith('Z') || t.EndsWith('z') || t.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParseExact(t, zoned, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset withZone))
        {
            return withZone;
        }

        string[] formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            return ExchangeTime.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        }

        throw new UsageException($"{what}: \"{text}\" is not a time; use exchange time \"2026-11-27 12:00\" (ET) or ISO-8601 with an offset, e.g. 2026-11-27T17:00:00Z.");
    }
}
