namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>managedAccounts (incoming 15), all server versions: <c>15, version(1), accountsList</c> (comma-separated).</summary>
public sealed record ManagedAccounts(string AccountsList) : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 1;

    /// <summary>The account codes, split on commas, empty entries dropped.</summary>
    public IReadOnlyList<string> Accounts
        => AccountsList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.ManagedAccounts);
        writer.Write(Version);
        writer.WriteText(AccountsList);
        writer.EndMessage();
    }

    public static ManagedAccounts Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new ManagedAccounts(reader.ReadString());
    }
}
