namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>currentTime (incoming 49), all server versions: <c>49, version(1), epochSeconds</c>.</summary>
public sealed record CurrentTime(long EpochSeconds) : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 1;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.CurrentTime);
        writer.Write(Version);
        writer.Write(EpochSeconds);
        writer.EndMessage();
    }

    public static CurrentTime Decode(ref FieldReader reader, int serverVersion)
    {
        reader.Skip(); // version
        return new CurrentTime(reader.ReadLong());
    }
}
