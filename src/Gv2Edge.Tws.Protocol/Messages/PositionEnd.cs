namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>positionEnd (incoming 62), all server versions: <c>62, version(1)</c>.</summary>
public sealed record PositionEnd : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 1;

    /// <summary>The only value (the message carries no data).</summary>
    public static PositionEnd Instance { get; } = new();

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.PositionEnd);
        writer.Write(Version);
        writer.EndMessage();
    }

    public static PositionEnd Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return Instance;
    }
}
