using System.Buffers;

namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// Runs a span decoder on a frame payload held in a <see cref="ReadOnlySequence{T}"/> (what a pipe hands out):
/// in place when the payload is one segment (the common case), otherwise copied once into a pooled buffer.
/// </summary>
internal static class PayloadSequence
{
    public delegate void SpanAction<TState>(ReadOnlySpan<byte> payload, int serverVersion, TState state);

    public static void Decode<TState>(in ReadOnlySequence<byte> payload, int serverVersion, TState state, SpanAction<TState> decode)
    {
        if (payload.IsSingleSegment)
        {
            decode(payload.FirstSpan, serverVersion, state);
            return;
        }

        // Framing caps a payload at 16 MiB, so the length fits an int.
        int length = checked((int)payload.Length);
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            payload.CopyTo(rented);
            decode(rented.AsSpan(0, length), serverVersion, state);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
