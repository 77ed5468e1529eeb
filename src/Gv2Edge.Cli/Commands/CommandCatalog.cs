using Gv2Edge.Cli.Infrastructure;

namespace Gv2Edge.Cli.Commands;

/// <summary>Every <c>edge</c> command, in help order.</summary>
public static class CommandCatalog
{
    public static readonly IReadOnlyList<CommandSpec> All =
    [
        DemoCommand.Spec,
        RunCommand.Spec,
        ReplayCommand.Spec,
        StreamCommand.Spec,
        SimCommand.Spec,
        SessionCommand.Spec,
        CheckCommand.Spec,
        QuoteCommand.Spec,
        BarsCommand.Spec,
        GapsCommand.Spec,
        FlowCommand.Spec,
        RadarCommand.Spec,
        ConfigCommand.Spec,
        JournalCommand.Spec,
    ];
}
