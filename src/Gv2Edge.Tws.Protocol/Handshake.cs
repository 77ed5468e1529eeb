using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// The connection handshake: the client sends the raw prefix <c>API\0</c> then one frame holding
/// <c>v{min}..{max}</c> (optionally a space and connect options, not NUL-terminated); the server answers one
/// frame of exactly two fields, <c>{version}\0{connectionTime}\0</c>.
/// </summary>
public static class Handshake
{
    /// <summary>The 4 raw bytes that open every connection (not length-prefixed).</summary>
    public static ReadOnlySpan<byte> Prefix => "API\0"u8;

    /// <summary>Writes the prefix and the version-range frame.</summary>
    public static void WriteClientHello(MessageWriter writer, int minVersion, int maxVersion, string? connectOptions = null)
    {
        writer.WriteRaw(Prefix);
        writer.BeginMessage();
        string text = minVersion == maxVersion ? $"v{minVersion}" : $"v{minVersion}..{maxVersion}";
        if (!string.IsNullOrEmpty(connectOptions))
        {
            text += " " + connectOptions;
        }

        writer.WriteRaw(Encoding.ASCII.GetBytes(text));
        writer.EndMessage();
    }

    /// <summary>
    /// Parses the client's version-range frame payload (<c>v100..187 </c>, <c>v157..178</c>, <c>v176</c>,
    /// with or without options). Returns false when it is not a version range.
    /// </summary>
    public static bool TryParseVersionRange(ReadOnlySpan<byte> payload, out int minVersion, out int maxVersion, out string? connectOptions)
    {
        minVersion = maxVersion = 0;
        connectOptions = null;
        if (payload.IsEmpty || payload[0] != (byte)'v')
        {
            return false;
        }

        ReadOnlySpan<byte> rest = payload[1..];
        int space = rest.IndexOf((byte)' ');
        ReadOnlySpan<byte> range = space < 0 ? rest : rest[..space];
        if (space >= 0)
        {
            string options = Encoding.ASCII.GetString(rest[(space + 1)..]).Trim();
            connectOptions = options.Length == 0 ? null : options;
        }

        int dots = range.IndexOf(".."u8);
        if (dots < 0)
        {
            if (!Utf8Parser.TryParse(range, out minVersion, out int used) || used != range.Length)
            {
                return false;
            }

            maxVersion = minVersion;
            return true;
        }

        ReadOnlySpan<byte> lo = range[..dots];
        ReadOnlySpan<byte> hi = range[(dots + 2)..];
        return Utf8Parser.TryParse(lo, out minVersion, out int a) && a == lo.Length
            && Utf8Parser.TryParse(hi, out maxVersion, out int b) && b == hi.Length
            && minVersion <= maxVersion;
    }

    /// <summary>Writes the server's reply frame: negotiated version and connection time.</summary>
    public static void WriteServerHello(MessageWriter writer, int serverVersion, string connectionTime)
    {
        writer.BeginMessage();
        writer.Write(serverVersion);
        writer.Write(connectionTime);
        writer.EndMessage();
    }

    /// <summary>Formats a connection time the way TWS does: <c>yyyyMMdd HH:mm:ss ZONE</c>.</summary>
    public static string FormatConnectionTime(DateTimeOffset time, string zone)
        => time.ToString("yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture) + " " + zone;

    /// <summary>Reads the server's reply frame payload.</summary>
    public static (int ServerVersion, string ConnectionTime) ReadServerHello(ReadOnlySpan<byte> payload)
    {
        var reader = new FieldReader(payload);
        int version = reader.ReadInt();
        string time = reader.HasMore ? reader.ReadString() : string.Empty;
        return (version, time);
    }
}
