using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// Server side (the simulator): receives decoded client requests from <see cref="RequestDecoder"/>, one method per
/// request. Every method has an empty default body.
/// </summary>
public interface IRequestHandler
{
    void OnStartApi(StartApi m) { }

    void OnReqMktData(ReqMktData m) { }

    void OnCancelMktData(CancelMktData m) { }

    void OnReqMarketDataType(ReqMarketDataType m) { }

    void OnReqContractDetails(ReqContractDetails m) { }

    void OnReqHistoricalData(ReqHistoricalData m) { }

    void OnCancelHistoricalData(CancelHistoricalData m) { }

    void OnReqSecDefOptParams(ReqSecDefOptParams m) { }

    void OnReqTickByTickData(ReqTickByTickData m) { }

    void OnCancelTickByTickData(CancelTickByTickData m) { }

    void OnReqCurrentTime(ReqCurrentTime m) { }

    void OnReqScannerSubscription(ReqScannerSubscription m) { }

    void OnCancelScannerSubscription(CancelScannerSubscription m) { }

    void OnReqHeadTimestamp(ReqHeadTimestamp m) { }

    void OnCancelHeadTimestamp(CancelHeadTimestamp m) { }

    void OnReqIds(ReqIds m) { }

    void OnReqPositions(ReqPositions m) { }

    void OnReqOpenOrders(ReqOpenOrders m) { }

    void OnReqAllOpenOrders(ReqAllOpenOrders m) { }

    void OnReqAutoOpenOrders(ReqAutoOpenOrders m) { }

    void OnReqCompletedOrders(ReqCompletedOrders m) { }

    void OnReqAccountUpdates(ReqAccountUpdates m) { }

    void OnReqAccountUpdatesMulti(ReqAccountUpdatesMulti m) { }

    void OnReqExecutions(ReqExecutions m) { }

    void OnReqManagedAccts(ReqManagedAccts m) { }

    /// <summary>A request id we do not decode (including order requests, which this codebase never handles).</summary>
    void OnUnknown(int messageId, ReadOnlySpan<byte> payload) { }
}
