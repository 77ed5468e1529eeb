namespace Gv2Edge.Market;

/// <summary>What a special day does to the schedule.</summary>
public enum SpecialDayKind
{
    /// <summary>The market is closed all day.</summary>
    Closed,

    /// <summary>The regular session closes at 13:00 ET and the extended session at 17:00 ET.</summary>
    EarlyClose,
}

/// <summary>
/// A date that departs from the normal weekday schedule: a holiday, a one-off closure (a national day of
/// mourning, a hurricane) or an early close.
/// </summary>
/// <param name="Date">The exchange-local date.</param>
/// <param name="Kind">Closed all day, or a 13:00 early close.</param>
/// <param name="Name">Why, in words ("Good Friday", "Hurricane Sandy").</param>
public sealed record SpecialDay(DateOnly Date, SpecialDayKind Kind, string Name);
