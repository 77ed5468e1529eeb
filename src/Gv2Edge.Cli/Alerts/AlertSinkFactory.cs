using Gv2Edge.Cli.Infrastructure;

namespace Gv2Edge.Cli.Alerts;

/// <summary>
/// Builds the configured sinks from environment variables (secrets stay out of config files and out of
/// <c>edge config</c>): EDGE_ALERTS_WEBHOOK_URL, EDGE_ALERTS_DISCORD_URL, EDGE_ALERTS_TELEGRAM_TOKEN with
/// EDGE_ALERTS_TELEGRAM_CHAT_ID (and optionally EDGE_ALERTS_TELEGRAM_API_URL). Errors name the variable and never echo
/// its value.
/// </summary>
public static class AlertSinkFactory
{
    /// <summary>
    /// The sinks configured in <paramref name="env"/>, plus the terminal bell when <paramref name="bell"/> is given.
    /// Throws <see cref="ConfigurationException"/> naming the variable that is wrong.
    /// </summary>
    public static IReadOnlyList<IAlertSink> FromEnvironment(Func<string, string?> env, HttpClient http, TextWriter? bell = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        var sinks = new List<IAlertSink>();
        if (bell is not null)
        {
            sinks.Add(new TerminalBellSink(bell));
        }

        if (Url(env, "EDGE_ALERTS_WEBHOOK_URL") is { } webhook)
        {
            sinks.Add(new WebhookSink(http, webhook));
        }

        if (Url(env, "EDGE_ALERTS_DISCORD_URL") is { } discord)
        {
            sinks.Add(new DiscordSink(http, discord));
        }

        string? token = Value(env, "EDGE_ALERTS_TELEGRAM_TOKEN");
        string? chat = Value(env, "EDGE_ALERTS_TELEGRAM_CHAT_ID");
        if (token is not null || chat is not null)
        {
            if (token is null || chat is null)
            {
                string missing = token is null ? "EDGE_ALERTS_TELEGRAM_TOKEN" : "EDGE_ALERTS_TELEGRAM_CHAT_ID";
                throw new ConfigurationException($"{missing} is not set; Telegram alerts need both EDGE_ALERTS_TELEGRAM_TOKEN and EDGE_ALERTS_TELEGRAM_CHAT_ID.");
            }

            if (token.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#'))
            {
                throw new ConfigurationException("EDGE_ALERTS_TELEGRAM_TOKEN does not look like a bot token (it has spaces or URL characters); copy it from @BotFather as is.");
            }

            sinks.Add(new TelegramSink(http, token, chat, Url(env, "EDGE_ALERTS_TELEGRAM_API_URL")));
        }

        return sinks;
    }

    private static string? Value(Func<string, string?> env, string name) => env(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static Uri? Url(Func<string, string?> env, string name)
    {
        string? text = Value(env, name);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConfigurationException($"{name} is not an absolute http(s) URL (its value is not shown because it may hold a secret).");
        }

        return url;
    }
}
