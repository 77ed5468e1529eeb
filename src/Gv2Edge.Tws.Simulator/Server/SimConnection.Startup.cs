using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Simulator.Server;

internal sealed partial class SimConnection
{
    /// <summary>startApi: register the client id (a duplicate gets 326 and the door), then the account list, the next order id and the farm status.</summary>
    public void OnStartApi(StartApi m)
    {
        if (ClientId is not null)
        {
            return;
        }

        if (!_server.TryRegisterClient(this, m.ClientId))
        {
            SendError(-1, IbError.ClientIdInUse, IbError.ClientIdInUseText);
            Close();
            return;
        }

        ClientId = m.ClientId;
        using Outbox.Scope scope = Outbox.Open();
        new ManagedAccounts(string.Join(',', _server.Options.Accounts)).Encode(scope.Writer, ServerVersion);
        new NextValidId(_server.NextOrderId()).Encode(scope.Writer, ServerVersion);
        scope.Count(2);
        if (_server.Options.FarmStatusOnConnect)
        {
            new ErrorMessage(-1, IbError.FarmOk, IbError.FarmOkText).Encode(scope.Writer, ServerVersion);
            new ErrorMessage(-1, IbError.HmdsOk, IbError.HmdsOkText).Encode(scope.Writer, ServerVersion);
            new ErrorMessage(-1, IbError.SecDefOk, IbError.SecDefOkText).Encode(scope.Writer, ServerVersion);
            scope.Count(3);
        }
    }

    public void OnReqIds(ReqIds m) => Send(new NextValidId(_server.NextOrderId()));

    public void OnReqManagedAccts(ReqManagedAccts m) => Send(new ManagedAccounts(string.Join(',', _server.Options.Accounts)));

    /// <summary>No positions: just the end marker.</summary>
    public void OnReqPositions(ReqPositions m) => Send(PositionEnd.Instance);

    /// <summary>No orders ever exist (read-only): just the end marker.</summary>
    public void OnReqOpenOrders(ReqOpenOrders m) => Send(OpenOrderEnd.Instance);

    public void OnReqAllOpenOrders(ReqAllOpenOrders m) => Send(OpenOrderEnd.Instance);

    public void OnReqCompletedOrders(ReqCompletedOrders m) => Send(CompletedOrdersEnd.Instance);

    /// <summary>Account updates: no values, then accountDownloadEnd for the account (only when subscribing).</summary>
    public void OnReqAccountUpdates(ReqAccountUpdates m)
    {
        if (m.Subscribe)
        {
            string account = m.AcctCode.Length > 0 ? m.AcctCode : _server.Options.Accounts[0];
            Send(new AccountDownloadEnd(account));
        }
    }

    public void OnReqAccountUpdatesMulti(ReqAccountUpdatesMulti m) => Send(new AccountUpdateMultiEnd(m.ReqId));

    public void OnReqExecutions(ReqExecutions m) => Send(new ExecutionDataEnd(m.ReqId));

    /// <summary>currentTime: the market clock's epoch seconds.</summary>
    public void OnReqCurrentTime(ReqCurrentTime m) => Send(new CurrentTime(_server.Clock.GetUtcNow().ToUnixTimeSeconds()));

    private void Send<T>(T message)
        where T : notnull
    {
        using Outbox.Scope scope = Outbox.Open();
        Encode(scope.Writer, message);
        scope.Count();
    }

    private void Encode<T>(Protocol.MessageWriter writer, T message)
        where T : notnull
    {
        switch (message)
        {
            case NextValidId x: x.Encode(writer, ServerVersion); break;
            case ManagedAccounts x: x.Encode(writer, ServerVersion); break;
            case PositionEnd x: x.Encode(writer, ServerVersion); break;
            case OpenOrderEnd x: x.Encode(writer, ServerVersion); break;
            case CompletedOrdersEnd x: x.Encode(writer, ServerVersion); break;
            case AccountDownloadEnd x: x.Encode(writer, ServerVersion); break;
            case AccountUpdateMultiEnd x: x.Encode(writer, ServerVersion); break;
            case ExecutionDataEnd x: x.Encode(writer, ServerVersion); break;
            case CurrentTime x: x.Encode(writer, ServerVersion); break;
            case ErrorMessage x: x.Encode(writer, ServerVersion); break;
            case ContractData x: x.Encode(writer, ServerVersion); break;
            case ContractDataEnd x: x.Encode(writer, ServerVersion); break;
            case HistoricalData x: x.Encode(writer, ServerVersion); break;
            case HistoricalDataUpdate x: x.Encode(writer, ServerVersion); break;
            case SecurityDefinitionOptionParameter x: x.Encode(writer, ServerVersion); break;
            case SecurityDefinitionOptionParameterEnd x: x.Encode(writer, ServerVersion); break;
            case ScannerData x: x.Encode(writer, ServerVersion); break;
            case HeadTimestamp x: x.Encode(writer, ServerVersion); break;
            case TickByTick x: x.Encode(writer, ServerVersion); break;
            case TickSnapshotEnd x: x.Encode(writer, ServerVersion); break;
            case MarketDataTypeMessage x: x.Encode(writer, ServerVersion); break;
            case TickReqParams x: x.Encode(writer, ServerVersion); break;
            default: throw new InvalidOperationException($"No encoder wired for {message.GetType().Name}.");
        }
    }
}
