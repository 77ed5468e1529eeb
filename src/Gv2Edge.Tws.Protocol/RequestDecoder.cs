using System.Buffers;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// Server side (the simulator): decodes one client frame's payload and calls the matching
/// <see cref="IRequestHandler"/> method. Malformed input throws <see cref="ProtocolException"/> only.
/// </summary>
public static class RequestDecoder
{
    /// <summary>
    /// Decodes a payload taken from a pipe: in place when it is one segment, else copied once into a pooled buffer.
    /// </summary>
    public static void Decode(in ReadOnlySequence<byte> payload, int serverVersion, IRequestHandler handler)
        => PayloadSequence.Decode(payload, serverVersion, handler, static (p, v, h) => Decode(p, v, h));

    /// <summary>Decodes <paramref name="payload"/> (one frame, without its length prefix) at the negotiated version.</summary>
    public static void Decode(ReadOnlySpan<byte> payload, int serverVersion, IRequestHandler handler)
    {
        var r = new FieldReader(payload);
        int id = r.ReadInt();
        int v = serverVersion;
        IRequestHandler h = handler;
        switch (id)
        {
            case OutgoingMessageId.StartApi: h.OnStartApi(StartApi.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqMktData: h.OnReqMktData(ReqMktData.Decode(ref r, v)); break;
            case OutgoingMessageId.CancelMktData: h.OnCancelMktData(CancelMktData.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqMarketDataType: h.OnReqMarketDataType(ReqMarketDataType.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqContractDetails: h.OnReqContractDetails(ReqContractDetails.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqHistoricalData: h.OnReqHistoricalData(ReqHistoricalData.Decode(ref r, v)); break;
            case OutgoingMessageId.CancelHistoricalData: h.OnCancelHistoricalData(CancelHistoricalData.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqSecDefOptParams: h.OnReqSecDefOptParams(ReqSecDefOptParams.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqTickByTickData: h.OnReqTickByTickData(ReqTickByTickData.Decode(ref r, v)); break;
            case OutgoingMessageId.CancelTickByTickData: h.OnCancelTickByTickData(CancelTickByTickData.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqCurrentTime: h.OnReqCurrentTime(ReqCurrentTime.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqScannerSubscription: h.OnReqScannerSubscription(ReqScannerSubscription.Decode(ref r, v)); break;
            case OutgoingMessageId.CancelScannerSubscription: h.OnCancelScannerSubscription(CancelScannerSubscription.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqHeadTimestamp: h.OnReqHeadTimestamp(ReqHeadTimestamp.Decode(ref r, v)); break;
            case OutgoingMessageId.CancelHeadTimestamp: h.OnCancelHeadTimestamp(CancelHeadTimestamp.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqIds: h.OnReqIds(ReqIds.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqPositions: h.OnReqPositions(ReqPositions.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqOpenOrders: h.OnReqOpenOrders(ReqOpenOrders.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqAllOpenOrders: h.OnReqAllOpenOrders(ReqAllOpenOrders.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqAutoOpenOrders: h.OnReqAutoOpenOrders(ReqAutoOpenOrders.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqCompletedOrders: h.OnReqCompletedOrders(ReqCompletedOrders.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqAccountUpdates: h.OnReqAccountUpdates(ReqAccountUpdates.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqAccountUpdatesMulti: h.OnReqAccountUpdatesMulti(ReqAccountUpdatesMulti.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqExecutions: h.OnReqExecutions(ReqExecutions.Decode(ref r, v)); break;
            case OutgoingMessageId.ReqManagedAccts: h.OnReqManagedAccts(ReqManagedAccts.Decode(ref r, v)); break;
            default: h.OnUnknown(id, payload); break;
        }
    }
}
