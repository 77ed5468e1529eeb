namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// errMsg (incoming 4), server versions below 194 (our whole range): <c>4, version(2), id, errorCode, errorMsg,
/// advancedOrderRejectJson[≥ 166]</c>. From 153 the server escapes non-ASCII text as <c>\uXXXX</c>; decoded text is
/// un-escaped and encoded text escaped. A version-1 message is <c>4, 1, text</c> (read as id -1, code 0).
/// Id is the request/order id, or -1 for system messages (farm status 2104, 2106, 2158…).
/// </summary>
public sealed record ErrorMessage(int Id, int Code, string Message, string AdvancedOrderRejectJson = "") : IWireMessage
{
    /// <summary>The message version we write.</summary>
    public const int Version = 2;

    public void Encode(MessageWriter writer, int serverVersion)
    {
        bool escape = serverVersion >= ServerVersions.EncodeMsgAscii7;
        writer.BeginMessage();
        writer.Write(IncomingMessageId.ErrMsg);
        writer.Write(Version);
        writer.Write(Id);
        writer.Write(Code);
        WriteText(writer, Message, escape);
        if (serverVersion >= ServerVersions.AdvancedOrderReject)
        {
            WriteText(writer, AdvancedOrderRejectJson, escape);
        }

        writer.EndMessage();
    }

    public static ErrorMessage Decode(ref FieldReader reader, int serverVersion)
    {
        bool escaped = serverVersion >= ServerVersions.EncodeMsgAscii7;
        int version = reader.ReadInt();
        if (version < 2)
        {
            return new ErrorMessage(-1, 0, ReadText(ref reader, escaped));
        }

        int id = reader.ReadInt();
        int code = reader.ReadInt();
        string message = ReadText(ref reader, escaped);
        // Tolerate a peer that omits the trailing JSON field (it is empty in every non-order error).
        string json = serverVersion >= ServerVersions.AdvancedOrderReject && reader.HasMore ? ReadText(ref reader, escaped) : "";
        return new ErrorMessage(id, code, message, json);
    }

    private static void WriteText(MessageWriter writer, string text, bool escape)
    {
        if (escape)
        {
            writer.WriteEscaped(text);
        }
        else
        {
            writer.WriteText(text);
        }
    }

    private static string ReadText(ref FieldReader reader, bool escaped)
        => escaped ? reader.ReadEscapedString() : reader.ReadString();
}
