namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// A typed TWS message (request or server message). Each type also has a static
/// <c>Decode(ref FieldReader reader, int serverVersion)</c> that reads the fields after the message id.
/// </summary>
public interface IWireMessage
{
    /// <summary>Writes one whole frame (message id included), laid out for the negotiated server version.</summary>
    void Encode(MessageWriter writer, int serverVersion);
}
