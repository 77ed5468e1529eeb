namespace Gv2Edge.Radar.Streaming;

/// <summary>Hot-list level of a symbol; a higher value is a higher priority (HOT &gt; WARM &gt; NORMAL).</summary>
public enum HotPriority
{
    Normal = 0,
    Warm = 1,
    Hot = 2,
}

/// <summary>Contract words for priorities.</summary>
public static class HotPriorities
{
    /// <summary>"HOT", "WARM" or "NORMAL".</summary>
    public static string ToWord(this HotPriority priority) => priority switch
    {
        HotPriority.Hot => "HOT",
        HotPriority.Warm => "WARM",
        _ => "NORMAL",
    };
}
