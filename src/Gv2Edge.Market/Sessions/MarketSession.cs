using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gv2Edge.Market;

/// <summary>The US equity trading session at an instant. Serialized as "CLOSED", "PRE", "RTH", "POST".</summary>
[JsonConverter(typeof(MarketSessionJsonConverter))]
public enum MarketSession
{
    /// <summary>No trading: overnight (20:00–04:00 ET, 17:00–04:00 after a half-day), weekends, holidays.</summary>
    Closed,

    /// <summary>Pre-market, 04:00–09:30 ET.</summary>
    Pre,

    /// <summary>Regular trading hours, 09:30–16:00 ET (13:00 on a half-day).</summary>
    Rth,

    /// <summary>After hours, 16:00–20:00 ET (13:00–17:00 on a half-day).</summary>
    Post,
}

/// <summary>The words used for <see cref="MarketSession"/> in JSON, on screen and on the command line.</summary>
public static class MarketSessionNames
{
    /// <summary>"CLOSED", "PRE", "RTH" or "POST".</summary>
    public static string ToName(this MarketSession session) => session switch
    {
        MarketSession.Closed => "CLOSED",
        MarketSession.Pre => "PRE",
        MarketSession.Rth => "RTH",
        MarketSession.Post => "POST",
        _ => throw new ArgumentOutOfRangeException(nameof(session), session, "Unknown market session."),
    };

    /// <summary>Parses "CLOSED", "PRE", "RTH" or "POST", ignoring case (also "premarket", "regular", "afterhours").</summary>
    public static bool TryParse(string? text, out MarketSession session)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "CLOSED":
                session = MarketSession.Closed;
                return true;
            case "PRE" or "PREMARKET":
                session = MarketSession.Pre;
                return true;
            case "RTH" or "REGULAR":
                session = MarketSession.Rth;
                return true;
            case "POST" or "AFTERHOURS" or "AFTER_HOURS":
                session = MarketSession.Post;
                return true;
            default:
                session = MarketSession.Closed;
                return false;
        }
    }

    /// <summary>Parses a session name; throws <see cref="ArgumentException"/> listing the accepted words.</summary>
    public static MarketSession Parse(string text) => TryParse(text, out var session)
        ? session
        : throw new ArgumentException($"'{text}' is not a market session; use CLOSED, PRE, RTH or POST.", nameof(text));
}

/// <summary>Writes and reads <see cref="MarketSession"/> as its upper-case name.</summary>
public sealed class MarketSessionJsonConverter : JsonConverter<MarketSession>
{
    /// <inheritdoc />
    public override MarketSession Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return MarketSessionNames.TryParse(text, out var session)
            ? session
            : throw new JsonException($"'{text}' is not a market session; expected CLOSED, PRE, RTH or POST.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, MarketSession value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToName());
}
