namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// startApi (outgoing 71), all server versions: <c>71, version(2), clientId, optionalCapabilities[≥ 72]</c>.
/// Sent right after the handshake reply.
/// </summary>
public sealed record StartApi(int ClientId, string OptionalCapabilities = "") : IWireMessage
{
    /// <summary>The message version IBKR's client writes.</summary>
    public const int Version = 2;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(OutgoingMessageId.StartApi);
        writer.Write(Version);
        writer.Write(ClientId);
        if (serverVersion >= ServerVersions.OptionalCapabilities)
        {
            writer.Write(OptionalCapabilities);
        }

        writer.EndMessage();
    }

    public static StartApi Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        int clientId = reader.ReadInt();
        string caps = serverVersion >= ServerVersions.OptionalCapabilities && reader.HasMore ? reader.ReadString() : "";
        return new StartApi(clientId, caps);
    }
}
