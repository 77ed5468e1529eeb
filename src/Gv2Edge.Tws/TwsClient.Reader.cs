using System.Buffers;
using System.IO.Pipelines;
using Gv2Edge.Tws.Protocol;

namespace Gv2Edge.Tws;

public sealed partial class TwsClient
{
    [ThreadStatic]
    private static MessageWriter? t_encoder;

    private long _messagesIn;
    private long _bytesIn;

    /// <summary>
    /// The socket reader: every complete frame in the buffer is decoded in place (a frame split across segments
    /// is copied once into a pooled buffer), then the pipe is told what was consumed and what was examined.
    /// Frames are processed before the end of the stream is honoured.
    /// </summary>
    private async Task ReadLoopAsync(Session session, CancellationToken token)
    {
        PipeReader input = session.Connection!.Input;
        while (true)
        {
            ReadResult read = await input.ReadAsync(token).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = read.Buffer;
            var dispatcher = new Dispatcher(this, session, _time.GetTimestamp());
            long frames = 0;
            long bytes = buffer.Length;
            try
            {
                while (Framing.TryReadFrame(ref buffer, out ReadOnlySequence<byte> payload))
                {
                    frames++;
                    if (payload.IsSingleSegment)
                    {
                        IncomingDecoder.Decode<Dispatcher>(payload.FirstSpan, session.ServerVersion, dispatcher);
                    }
                    else
                    {
                        DecodeCopied(payload, session.ServerVersion, dispatcher);
                    }
                }
            }
            finally
            {
                bytes -= buffer.Length;
                Volatile.Write(ref _messagesIn, _messagesIn + frames);
                Volatile.Write(ref _bytesIn, _bytesIn + bytes);
                input.AdvanceTo(buffer.Start, buffer.End);
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                throw new IOException("The gateway closed the connection.");
            }
        }
    }

    private static void DecodeCopied(in ReadOnlySequence<byte> payload, int serverVersion, Dispatcher dispatcher)
    {
        int length = (int)payload.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            payload.CopyTo(rented);
            IncomingDecoder.Decode<Dispatcher>(rented.AsSpan(0, length), serverVersion, dispatcher);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Encodes <paramref name="message"/> for the session's version and queues it on the paced writer.</summary>
    private void Send(Session session, IWireMessage message, bool priority = false, Action<long>? onSent = null)
    {
        MessageWriter encoder = t_encoder ??= new MessageWriter(512);
        encoder.Reset();
        message.Encode(encoder, session.ServerVersion);
        _writer.Enqueue(encoder.WrittenSpan, priority, onSent);
    }
}
