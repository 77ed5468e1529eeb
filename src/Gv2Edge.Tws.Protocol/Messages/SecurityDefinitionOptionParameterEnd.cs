namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>securityDefinitionOptionParameterEnd (incoming 76), server version ≥ 104, no version field: <c>76, reqId</c>.</summary>
public sealed record SecurityDefinitionOptionParameterEnd(int ReqId) : IWireMessage
{
    public void Encode(MessageWriter writer, int serverVersion)
    {
        writer.BeginMessage();
        writer.Write(IncomingMessageId.SecurityDefinitionOptionParameterEnd);
        writer.Write(ReqId);
        writer.EndMessage();
    }

    public static SecurityDefinitionOptionParameterEnd Decode(ref FieldReader reader, int serverVersion)
        => new(reader.ReadInt());
}
