using Gv2Edge.TestKit;
using Gv2Edge.Tws.Connection;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Tws.Tests.Client;

/// <summary>A client wired to a <see cref="ScriptedGateway"/> over pipes, on one fake clock.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    /// <summary>A Saturday: the market is closed, so silence never counts unless a test moves the clock.</summary>
    public static readonly DateTimeOffset Weekend = new(2026, 1, 10, 15, 0, 0, TimeSpan.Zero);

    /// <summary>A Monday at 10:00 New York time (regular hours).</summary>
    public static readonly DateTimeOffset RegularHours = new(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);

    public ClientHarness(Func<TwsClientOptions, TwsClientOptions>? configure = null, DateTimeOffset? start = null, int serverVersion = 187)
    {
        Clock = new FakeTimeProvider(start ?? Weekend);
        Gateway = new ScriptedGateway { Clock = Clock, ServerVersion = serverVersion };
        var options = new TwsClientOptions
        {
            TimeProvider = Clock,
            Transport = Gateway.ConnectAsync,
            JitterSeed = 1,
            ReconnectJitter = 0,
        };
        Client = new TwsClient(configure is null ? options : configure(options));
        Client.StateChanged += (_, c) =>
        {
            lock (States)
            {
                States.Add(c);
            }
        };
    }

    public FakeTimeProvider Clock { get; }

    public ScriptedGateway Gateway { get; }

    public TwsClient Client { get; }

    public List<ConnectionStateChange> States { get; } = [];

    /// <summary>Connects, moving the fake clock as the paced writer needs.</summary>
    public async Task ConnectAsync()
    {
        Task connect = Client.ConnectAsync();
        await PumpUntilAsync("connected", () => connect.IsCompleted);
        await connect;
    }

    /// <summary>
    /// Advances the fake clock in small steps (letting real threads run in between) until the condition holds,
    /// without going past <paramref name="maxFake"/> of fake time (default 2 s).
    /// </summary>
    public Task PumpUntilAsync(string reason, Func<bool> condition, TimeSpan? maxFake = null, TimeSpan? step = null)
        => FakeClockPump.UntilAsync(Clock, reason, condition, maxFake ?? TimeSpan.FromSeconds(2), step ?? TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(15));

    /// <summary>Lets real threads run without moving the fake clock.</summary>
    public static async Task SettleAsync(Func<bool> condition, string reason)
        => await TestKit.Wait.UntilAsync(reason, condition);

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
