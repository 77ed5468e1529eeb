using Gv2Edge.TestKit;
using Gv2Edge.Tws.Connection;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Tws.Tests.Unit;

public class ConnectionStateMachineTests
{
    [Fact]
    public async Task Legal_path_through_every_state_raises_events_in_order()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 14, 0, 0, TimeSpan.Zero));
        await using var sm = new ConnectionStateMachine(clock);
        var seen = new List<ConnectionStateChange>();
        sm.Changed += (_, c) =>
        {
            lock (seen)
            {
                seen.Add(c);
            }
        };

        Assert.True(sm.TryTransition(ConnectionState.Connecting, "connect"));
        Assert.True(sm.TryTransition(ConnectionState.Connected, "ready"));
        Assert.True(sm.TryTransition(ConnectionState.Reconnecting, "socket closed"));
        Assert.True(sm.TryTransition(ConnectionState.Connected, "ready again"));
        Assert.True(sm.TryTransition(ConnectionState.Disconnected, "dispose"));

        await Wait.UntilAsync("five events", () => { lock (seen) { return seen.Count == 5; } });
        Assert.Equal(
            [ConnectionState.Connecting, ConnectionState.Connected, ConnectionState.Reconnecting, ConnectionState.Connected, ConnectionState.Disconnected],
            seen.Select(c => c.Current));
        Assert.Equal(ConnectionState.Reconnecting, seen[3].Previous);
        Assert.Equal(clock.GetUtcNow(), seen[0].At);
    }

    [Theory]
    [InlineData(ConnectionState.Disconnected, ConnectionState.Connected)]
    [InlineData(ConnectionState.Disconnected, ConnectionState.Reconnecting)]
    [InlineData(ConnectionState.Connected, ConnectionState.Connecting)]
    [InlineData(ConnectionState.Reconnecting, ConnectionState.Connecting)]
    [InlineData(ConnectionState.Disconnected, ConnectionState.Disconnected)]
    public void Illegal_moves_are_refused(ConnectionState from, ConnectionState to)
    {
        Assert.False(ConnectionStateMachine.IsAllowed(from, to));
    }

    [Fact]
    public async Task Expected_state_guards_a_transition()
    {
        await using var sm = new ConnectionStateMachine();
        sm.TryTransition(ConnectionState.Connecting, "connect");
        Assert.False(sm.TryTransition(ConnectionState.Reconnecting, "stale", expected: ConnectionState.Connected));
        Assert.Equal(ConnectionState.Connecting, sm.State);
    }

    [Fact]
    public async Task A_blocking_handler_does_not_block_the_caller()
    {
        await using var sm = new ConnectionStateMachine();
        using var release = new ManualResetEventSlim();
        int calls = 0;
        sm.Changed += (_, _) =>
        {
            Interlocked.Increment(ref calls);
            release.Wait(TimeSpan.FromSeconds(10));
        };

        // The reader thread would be the caller here: it must return at once even though the handler blocks.
        Assert.True(sm.TryTransition(ConnectionState.Connecting, "connect"));
        Assert.True(sm.TryTransition(ConnectionState.Connected, "ready"));
        await Wait.UntilAsync("handler entered", () => Volatile.Read(ref calls) == 1);
        release.Set();
        await Wait.UntilAsync("both handlers ran", () => Volatile.Read(ref calls) == 2);
    }

    [Fact]
    public async Task A_throwing_handler_does_not_stop_later_events()
    {
        await using var sm = new ConnectionStateMachine();
        int calls = 0;
        sm.Changed += (_, _) =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("boom");
        };

        sm.TryTransition(ConnectionState.Connecting, "a");
        sm.TryTransition(ConnectionState.Connected, "b");
        await Wait.UntilAsync("both handlers ran", () => Volatile.Read(ref calls) == 2);
    }
}
