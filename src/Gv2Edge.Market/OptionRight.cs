namespace Gv2Edge.Market;

/// <summary>The right an option gives its holder.</summary>
public enum OptionRight
{
    /// <summary>The right to buy the underlying at the strike.</summary>
    Call,

    /// <summary>The right to sell the underlying at the strike.</summary>
    Put,
}
