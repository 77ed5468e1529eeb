namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>openOrderEnd (incoming 53), all server versions: <c>53, version(1)</c>.</summary>
public sealed record OpenOrderEnd : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 1;

    /// <summary>The only value (the message carries no data).</summary>
    public static OpenOrderEnd Instance { get; } = new();

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.OpenOrderEnd);
        writer.Write(Version);
        writer.EndMessage();
    }

    public static OpenOrderEnd Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return Instance;
    }
}
