using System.Buffers;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// Client side: decodes one server frame's payload and calls the matching <see cref="IIncomingHandler"/> method.
/// Tick messages are decoded without allocating. Malformed input throws <see cref="ProtocolException"/> only.
/// </summary>
public static class IncomingDecoder
{
    /// <summary>Decodes <paramref name="payload"/> (one frame, without its length prefix) at the negotiated version.</summary>
    public static void Decode(ReadOnlySpan<byte> payload, int serverVersion, IIncomingHandler handler)
        => Decode<IIncomingHandler>(payload, serverVersion, handler);

    /// <summary>
    /// Decodes a payload taken from a pipe: in place when it is one segment, else copied once into a pooled buffer.
    /// </summary>
    public static void Decode(in ReadOnlySequence<byte> payload, int serverVersion, IIncomingHandler handler)
        => PayloadSequence.Decode(payload, serverVersion, handler, static (p, v, h) => Decode(p, v, h));

    /// <summary>
    /// Generic form: with a sealed class or struct handler type the JIT can call the handler directly (hot path).
    /// </summary>
    public static void Decode<THandler>(ReadOnlySpan<byte> payload, int serverVersion, THandler handler)
        where THandler : IIncomingHandler
    {
        var r = new FieldReader(payload);
        int id = r.ReadInt();
        switch (id)
        {
            case IncomingMessageId.TickPrice:
                handler.OnTickPrice(TickPrice.Decode(ref r, serverVersion));
                break;
            case IncomingMessageId.TickSize:
                handler.OnTickSize(TickSize.Decode(ref r, serverVersion));
                break;
            case IncomingMessageId.TickString:
                handler.OnTickString(TickString.Decode(ref r, serverVersion));
                break;
            case IncomingMessageId.TickGeneric:
                handler.OnTickGeneric(TickGeneric.Decode(ref r, serverVersion));
                break;
            case IncomingMessageId.TickOptionComputation:
                handler.OnTickOptionComputation(TickOptionComputation.Decode(ref r, serverVersion));
                break;
            default:
                DecodeRare(ref r, id, payload, serverVersion, handler);
                break;
        }
    }

    private static void DecodeRare<THandler>(ref FieldReader r, int id, ReadOnlySpan<byte> payload, int v, THandler h)
        where THandler : IIncomingHandler
    {
        switch (id)
        {
            case IncomingMessageId.TickSnapshotEnd: h.OnTickSnapshotEnd(TickSnapshotEnd.Decode(ref r, v)); break;
            case IncomingMessageId.MarketDataType: h.OnMarketDataType(MarketDataTypeMessage.Decode(ref r, v)); break;
            case IncomingMessageId.TickReqParams: h.OnTickReqParams(TickReqParams.Decode(ref r, v)); break;
            case IncomingMessageId.ErrMsg: h.OnError(ErrorMessage.Decode(ref r, v)); break;
            case IncomingMessageId.NextValidId: h.OnNextValidId(NextValidId.Decode(ref r, v)); break;
            case IncomingMessageId.ManagedAccounts: h.OnManagedAccounts(ManagedAccounts.Decode(ref r, v)); break;
            case IncomingMessageId.CurrentTime: h.OnCurrentTime(CurrentTime.Decode(ref r, v)); break;
            case IncomingMessageId.ContractData: h.OnContractData(ContractData.Decode(ref r, v)); break;
            case IncomingMessageId.ContractDataEnd: h.OnContractDataEnd(ContractDataEnd.Decode(ref r, v)); break;
            case IncomingMessageId.HistoricalData: h.OnHistoricalData(HistoricalData.Decode(ref r, v)); break;
            case IncomingMessageId.HistoricalDataUpdate: h.OnHistoricalDataUpdate(HistoricalDataUpdate.Decode(ref r, v)); break;
            case IncomingMessageId.SecurityDefinitionOptionParameter:
                h.OnSecurityDefinitionOptionParameter(SecurityDefinitionOptionParameter.Decode(ref r, v));
                break;
            case IncomingMessageId.SecurityDefinitionOptionParameterEnd:
                h.OnSecurityDefinitionOptionParameterEnd(SecurityDefinitionOptionParameterEnd.Decode(ref r, v));
                break;
            case IncomingMessageId.TickByTick: h.OnTickByTick(TickByTick.Decode(ref r, v)); break;
            case IncomingMessageId.ScannerData: h.OnScannerData(ScannerData.Decode(ref r, v)); break;
            case IncomingMessageId.HeadTimestamp: h.OnHeadTimestamp(HeadTimestamp.Decode(ref r, v)); break;
            case IncomingMessageId.PositionEnd: h.OnPositionEnd(PositionEnd.Decode(ref r, v)); break;
            case IncomingMessageId.OpenOrderEnd: h.OnOpenOrderEnd(OpenOrderEnd.Decode(ref r, v)); break;
            case IncomingMessageId.CompletedOrdersEnd: h.OnCompletedOrdersEnd(CompletedOrdersEnd.Decode(ref r, v)); break;
            case IncomingMessageId.AccountDownloadEnd: h.OnAccountDownloadEnd(AccountDownloadEnd.Decode(ref r, v)); break;
            case IncomingMessageId.AccountUpdateMultiEnd: h.OnAccountUpdateMultiEnd(AccountUpdateMultiEnd.Decode(ref r, v)); break;
            case IncomingMessageId.ExecutionDataEnd: h.OnExecutionDataEnd(ExecutionDataEnd.Decode(ref r, v)); break;
            default: h.OnUnknown(id, payload); break;
        }
    }
}
