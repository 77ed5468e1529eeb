using System.Net.Http.Headers;
using System.Text.Json;
using Gv2Edge.Cli.Journal;

namespace Gv2Edge.Cli.Alerts;

/// <summary>
/// An alert POSTed as JSON with an <c>Idempotency-Key</c> header (the event id). A 2xx answer is a delivery; anything
/// else, a timeout or a refused connection is a failure to retry.
/// </summary>
public abstract class HttpAlertSink : IAlertSink
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly IReadOnlyList<string> _secrets;

    protected HttpAlertSink(string name, HttpClient http, Uri endpoint, string target, IReadOnlyList<string> secrets)
    {
        Name = name;
        _http = http;
        _endpoint = endpoint;
        Target = target;
        _secrets = secrets;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Target { get; }

    /// <summary>The JSON body for <paramref name="message"/>.</summary>
    protected abstract object Body(AlertMessage message);

    /// <inheritdoc/>
    public async Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Bytes, not a streamed JsonContent: receivers get a Content-Length, not a chunked body.
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(Body(message), Infrastructure.Json.Lines);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", message.IdempotencyKey);
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new AlertDeliveryException($"{Name} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
        catch (HttpRequestException ex)
        {
            throw new AlertDeliveryException($"{Name} unreachable: {SecretMask.Mask(ex.GetBaseException().Message, _secrets)}");
        }
    }
}

/// <summary>Generic JSON webhook: the event's JSON (as <c>edge journal --json</c> prints it) plus <c>severity</c>. Name <c>webhook</c>.</summary>
public sealed class WebhookSink(HttpClient http, Uri url)
    : HttpAlertSink("webhook", http, url, SecretMask.DescribeUrl(url), SecretMask.UrlSecrets(url))
{
    /// <inheritdoc/>
    protected override object Body(AlertMessage message)
    {
        Dictionary<string, object?> map = EventJson.ToMap(message.Event);
        map["severity"] = message.Severity.ToString().ToUpperInvariant();
        return map;
    }
}

/// <summary>Discord webhook: <c>{"content": text}</c>, mentions disabled so a reason can never ping anyone. Name <c>discord</c>.</summary>
public sealed class DiscordSink(HttpClient http, Uri webhookUrl)
    : HttpAlertSink("discord", http, webhookUrl, SecretMask.DescribeUrl(webhookUrl), SecretMask.UrlSecrets(webhookUrl))
{
    // Discord rejects content over 2000 characters.
    private const int MaxContent = 2000;

    /// <inheritdoc/>
    protected override object Body(AlertMessage message)
    {
        string text = message.Text;
        return new Dictionary<string, object?>
        {
            ["content"] = text.Length <= MaxContent ? text : text[..(MaxContent - 1)] + "…",
            ["allowed_mentions"] = new Dictionary<string, object?> { ["parse"] = Array.Empty<string>() },
        };
    }
}

/// <summary>Telegram bot: <c>POST {api}/bot{token}/sendMessage</c> with <c>chat_id</c> and <c>text</c>. Name <c>telegram</c>.</summary>
public sealed class TelegramSink : HttpAlertSink
{
    /// <summary>Telegram's Bot API root.</summary>
    public static readonly Uri DefaultApi = new("https://api.telegram.org/");

    private readonly string _chatId;

    /// <summary>Sends to <paramref name="chatId"/> through the bot <paramref name="token"/>; <paramref name="api"/> defaults to <see cref="DefaultApi"/>.</summary>
    public TelegramSink(HttpClient http, string token, string chatId, Uri? api = null)
        : base("telegram", http, new Uri(api ?? DefaultApi, $"./bot{token}/sendMessage"), $"{(api ?? DefaultApi).GetLeftPart(UriPartial.Authority)}/bot***/sendMessage (chat {chatId})", [token])
        => _chatId = chatId;

    /// <inheritdoc/>
    protected override object Body(AlertMessage message) => new Dictionary<string, object?>
    {
        ["chat_id"] = _chatId,
        ["text"] = message.Text,
        ["disable_notification"] = message.Severity < AlertSeverity.Warning,
    };
}
