using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol.Tests;

/// <summary>Records every decoded message, in order (both directions), and unknown ids.</summary>
internal sealed class Recorder : IIncomingHandler, IRequestHandler
{
    public List<object> Messages { get; } = [];

    public List<int> UnknownIds { get; } = [];

    public object Last => Assert.Single(Messages);

    public void OnTickPrice(in TickPrice m) => Messages.Add(m);

    public void OnTickSize(in TickSize m) => Messages.Add(m);

    public void OnTickString(in TickString m) => Messages.Add(m);

    public void OnTickGeneric(in TickGeneric m) => Messages.Add(m);

    public void OnTickOptionComputation(in TickOptionComputation m) => Messages.Add(m);

    public void OnTickSnapshotEnd(TickSnapshotEnd m) => Messages.Add(m);

    public void OnMarketDataType(MarketDataTypeMessage m) => Messages.Add(m);

    public void OnTickReqParams(TickReqParams m) => Messages.Add(m);

    public void OnError(ErrorMessage m) => Messages.Add(m);

    public void OnNextValidId(NextValidId m) => Messages.Add(m);

    public void OnManagedAccounts(ManagedAccounts m) => Messages.Add(m);

    public void OnCurrentTime(CurrentTime m) => Messages.Add(m);

    public void OnContractData(ContractData m) => Messages.Add(m);

    public void OnContractDataEnd(ContractDataEnd m) => Messages.Add(m);

    public void OnHistoricalData(HistoricalData m) => Messages.Add(m);

    public void OnHistoricalDataUpdate(HistoricalDataUpdate m) => Messages.Add(m);

    public void OnSecurityDefinitionOptionParameter(SecurityDefinitionOptionParameter m) => Messages.Add(m);

    public void OnSecurityDefinitionOptionParameterEnd(SecurityDefinitionOptionParameterEnd m) => Messages.Add(m);

    public void OnTickByTick(TickByTick m) => Messages.Add(m);

    public void OnScannerData(ScannerData m) => Messages.Add(m);

    public void OnHeadTimestamp(HeadTimestamp m) => Messages.Add(m);

    public void OnPositionEnd(PositionEnd m) => Messages.Add(m);

    public void OnOpenOrderEnd(OpenOrderEnd m) => Messages.Add(m);

    public void OnCompletedOrdersEnd(CompletedOrdersEnd m) => Messages.Add(m);

    public void OnAccountDownloadEnd(AccountDownloadEnd m) => Messages.Add(m);

    public void OnAccountUpdateMultiEnd(AccountUpdateMultiEnd m) => Messages.Add(m);

    public void OnExecutionDataEnd(ExecutionDataEnd m) => Messages.Add(m);

    public void OnStartApi(StartApi m) => Messages.Add(m);

    public void OnReqMktData(ReqMktData m) => Messages.Add(m);

    public void OnCancelMktData(CancelMktData m) => Messages.Add(m);

    public void OnReqMarketDataType(ReqMarketDataType m) => Messages.Add(m);

    public void OnReqContractDetails(ReqContractDetails m) => Messages.Add(m);

    public void OnReqHistoricalData(ReqHistoricalData m) => Messages.Add(m);

    public void OnCancelHistoricalData(CancelHistoricalData m) => Messages.Add(m);

    public void OnReqSecDefOptParams(ReqSecDefOptParams m) => Messages.Add(m);

    public void OnReqTickByTickData(ReqTickByTickData m) => Messages.Add(m);

    public void OnCancelTickByTickData(CancelTickByTickData m) => Messages.Add(m);

    public void OnReqCurrentTime(ReqCurrentTime m) => Messages.Add(m);

    public void OnReqScannerSubscription(ReqScannerSubscription m) => Messages.Add(m);

    public void OnCancelScannerSubscription(CancelScannerSubscription m) => Messages.Add(m);

    public void OnReqHeadTimestamp(ReqHeadTimestamp m) => Messages.Add(m);

    public void OnCancelHeadTimestamp(CancelHeadTimestamp m) => Messages.Add(m);

    public void OnReqIds(ReqIds m) => Messages.Add(m);

    public void OnReqPositions(ReqPositions m) => Messages.Add(m);

    public void OnReqOpenOrders(ReqOpenOrders m) => Messages.Add(m);

    public void OnReqAllOpenOrders(ReqAllOpenOrders m) => Messages.Add(m);

    public void OnReqAutoOpenOrders(ReqAutoOpenOrders m) => Messages.Add(m);

    public void OnReqCompletedOrders(ReqCompletedOrders m) => Messages.Add(m);

    public void OnReqAccountUpdates(ReqAccountUpdates m) => Messages.Add(m);

    public void OnReqAccountUpdatesMulti(ReqAccountUpdatesMulti m) => Messages.Add(m);

    public void OnReqExecutions(ReqExecutions m) => Messages.Add(m);

    public void OnReqManagedAccts(ReqManagedAccts m) => Messages.Add(m);

    public void OnUnknown(int messageId, ReadOnlySpan<byte> payload) => UnknownIds.Add(messageId);
}
