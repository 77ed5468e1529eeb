using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gv2Edge.Cli.Infrastructure;

/// <summary>
/// JSON as the CLI contract wants it: camelCase, nulls kept (unknown is null, never 0 or NaN), times ISO-8601 with
/// offset, no NaN/Infinity ever (they become null).
/// </summary>
public static class Json
{
    /// <summary>Options for one-document output (indented).</summary>
    public static readonly JsonSerializerOptions Document = Create(indented: true);

    /// <summary>Options for JSON lines.</summary>
    public static readonly JsonSerializerOptions Lines = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        o.Converters.Add(new FiniteDoubleConverter());
        o.Converters.Add(new FiniteNullableDoubleConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>Serialises one value.</summary>
    public static string Serialize<T>(T value, bool indented = true)
        => JsonSerializer.Serialize(value, indented ? Document : Lines);

    /// <summary>Rounds for display in JSON without losing meaning (prices to 6 decimals).</summary>
    public static double? Num(double value, int digits = 6)
        => double.IsFinite(value) ? Math.Round(value, digits) : null;

    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private sealed class FiniteNullableDoubleConverter : JsonConverter<double?>
    {
        public override bool HandleNull => true;

        public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
        {
            if (value is { } v && double.IsFinite(v))
            {
                writer.WriteNumberValue(v);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
