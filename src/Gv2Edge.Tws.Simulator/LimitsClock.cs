namespace Gv2Edge.Tws.Simulator;

/// <summary>
/// The clock IB's time-based limits are counted on: the 50 client messages per second (error 100) and historical
/// pacing (162). The two differ only when <see cref="SimulatorOptions.Speed"/> is not 1.
/// </summary>
public enum LimitsClock
{
    /// <summary>
    /// The simulated market's clock: one "second" of the limits is one market second. Right for a client in the same
    /// process that paces itself on <see cref="GatewaySimulator.Clock"/> (the demo's client today); wrong for any
    /// other client at speed above 1, which the limits then let through far above 50 messages per real second.
    /// Known cost: at speed 30 a 1-second window is 33 ms of real time, so a few milliseconds of scheduling jitter in
    /// either process bunch a paced client's messages into one window and can cost it an error 100.
    /// </summary>
    Market,

    /// <summary>
    /// The driving clock (<see cref="SimulatorOptions.TimeProvider"/>: real time in production, the fake clock in
    /// tests), as IB counts: 50 messages per real second whatever the market speed. Clients must then pace on real
    /// time too (<see cref="GatewaySimulator.TransportClock"/>).
    /// </summary>
    Driving,
}
