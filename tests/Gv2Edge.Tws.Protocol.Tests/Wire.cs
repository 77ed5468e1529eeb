using System.Text;

namespace Gv2Edge.Tws.Protocol.Tests;

/// <summary>Test helpers: expected payloads written as field lists, and encoded frames split back into payloads.</summary>
internal static class Wire
{
    /// <summary>The payload holding these fields, each NUL-terminated.</summary>
    public static byte[] Payload(params string[] fields)
    {
        var sb = new StringBuilder();
        foreach (string f in fields)
        {
            sb.Append(f).Append('\0');
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Runs an encoder and returns the single frame's payload (checks the length prefix on the way).</summary>
    public static byte[] Encode(Action<MessageWriter> encode)
    {
        var w = new MessageWriter();
        encode(w);
        int consumed = Framing.TryReadFrame(w.WrittenSpan, out ReadOnlySpan<byte> payload);
        Assert.Equal(w.Length, consumed);
        return payload.ToArray();
    }

    /// <summary>Shows a payload with NULs as '|' for readable assertion failures.</summary>
    public static string Show(byte[] payload) => Encoding.UTF8.GetString(payload).Replace('\0', '|');

    /// <summary>Asserts the encoder writes exactly these fields.</summary>
    public static void AssertFields(Action<MessageWriter> encode, params string[] fields)
        => Assert.Equal(Show(Payload(fields)), Show(Encode(encode)));
}
