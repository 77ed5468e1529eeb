namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>accountDownloadEnd (incoming 54), all server versions: <c>54, version(1), account</c>.</summary>
public sealed record AccountDownloadEnd(string Account) : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.AccountDownloadEnd);
        writer.Write(Version);
        writer.WriteText(Account);
        writer.EndMessage();
    }

    public static AccountDownloadEnd Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new AccountDownloadEnd(reader.ReadString());
    }
}
