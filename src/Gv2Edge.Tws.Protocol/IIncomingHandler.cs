using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// Receives decoded server messages from <see cref="IncomingDecoder"/>, one method per message. Every method has an
/// empty default body, so a new message never breaks implementers. Tick messages arrive by <c>in</c> reference and
/// are only valid during the call.
/// </summary>
public interface IIncomingHandler
{
    void OnTickPrice(in TickPrice m) { }

    void OnTickSize(in TickSize m) { }

    void OnTickString(in TickString m) { }

    void OnTickGeneric(in TickGeneric m) { }

    void OnTickOptionComputation(in TickOptionComputation m) { }

    void OnTickSnapshotEnd(TickSnapshotEnd m) { }

    void OnMarketDataType(MarketDataTypeMessage m) { }

    void OnTickReqParams(TickReqParams m) { }

    void OnError(ErrorMessage m) { }

    void OnNextValidId(NextValidId m) { }

    void OnManagedAccounts(ManagedAccounts m) { }

    void OnCurrentTime(CurrentTime m) { }

    void OnContractData(ContractData m) { }

    void OnContractDataEnd(ContractDataEnd m) { }

    void OnHistoricalData(HistoricalData m) { }

    void OnHistoricalDataUpdate(HistoricalDataUpdate m) { }

    void OnSecurityDefinitionOptionParameter(SecurityDefinitionOptionParameter m) { }

    void OnSecurityDefinitionOptionParameterEnd(SecurityDefinitionOptionParameterEnd m) { }

    void OnTickByTick(TickByTick m) { }

    void OnScannerData(ScannerData m) { }

    void OnHeadTimestamp(HeadTimestamp m) { }

    void OnPositionEnd(PositionEnd m) { }

    void OnOpenOrderEnd(OpenOrderEnd m) { }

    void OnCompletedOrdersEnd(CompletedOrdersEnd m) { }

    void OnAccountDownloadEnd(AccountDownloadEnd m) { }

    void OnAccountUpdateMultiEnd(AccountUpdateMultiEnd m) { }

    void OnExecutionDataEnd(ExecutionDataEnd m) { }

    /// <summary>A message id we do not decode (positions, account values, order status…); the whole payload.</summary>
    void OnUnknown(int messageId, ReadOnlySpan<byte> payload) { }
}
