namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>reqPositions (outgoing 61), server version ≥ 67: <c>61, version(1)</c>.</summary>
public sealed record ReqPositions : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 1;

    /// <summary>The only value (the request carries no data).</summary>
    public static ReqPositions Instance { get; } = new();

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqPositions);
        writer.Write(Version);
        writer.EndMessage();
    }

    public static ReqPositions Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return Instance;
    }
}
