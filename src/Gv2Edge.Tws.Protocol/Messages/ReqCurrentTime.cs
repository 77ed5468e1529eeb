namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>reqCurrentTime (outgoing 49), server version ≥ 33: <c>49, version(1)</c>.</summary>
public sealed record ReqCurrentTime : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 1;

    /// <summary>The only value (the request carries no data).</summary>
    public static ReqCurrentTime Instance { get; } = new();

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqCurrentTime);
        writer.Write(Version);
        writer.EndMessage();
    }

    public static ReqCurrentTime Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return Instance;
    }
}
