namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>reqManagedAccts (outgoing 17), all server versions: <c>17, version(1)</c>.</summary>
public sealed record ReqManagedAccts : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 1;

    /// <summary>The only value (the request carries no data).</summary>
    public static ReqManagedAccts Instance { get; } = new();

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.ReqManagedAccts);
        writer.Write(Version);
        writer.EndMessage();
    }

    public static ReqManagedAccts Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return Instance;
    }
}
