namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// The bytes on the wire break the TWS protocol: a bad frame length, an unterminated field, a field that
/// does not parse as the type its position requires. The only exception the codec throws on bad input.
/// </summary>
public sealed class ProtocolException : Exception
{
    public ProtocolException(string message) : base(message) { }

    public ProtocolException(string message, Exception inner) : base(message, inner) { }
}
