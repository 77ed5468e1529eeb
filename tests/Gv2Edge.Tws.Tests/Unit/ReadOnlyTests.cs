using System.Reflection;
using Gv2Edge.Tws.Protocol;

namespace Gv2Edge.Tws.Tests.Unit;

/// <summary>
/// Read-only by construction: no message that places, changes, cancels or exercises anything exists in the protocol
/// layer or the client, so no caller can send one whatever it does.
/// </summary>
public class ReadOnlyTests
{
    // IB's outgoing ids: placeOrder 3, cancelOrder 4, exerciseOptions 21, reqGlobalCancel 58.
    private static readonly int[] ActingIds = [3, 4, 21, 58];

    private static readonly string[] ActingWords = ["PlaceOrder", "CancelOrder", "ModifyOrder", "GlobalCancel", "ExerciseOptions", "Exercise"];

    [Fact]
    public void No_outgoing_message_id_can_act_on_an_account()
    {
        int[] ids = typeof(OutgoingMessageId).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => (int)f.GetRawConstantValue()!)
            .ToArray();

        Assert.NotEmpty(ids);
        Assert.Empty(ids.Intersect(ActingIds));
    }

    [Fact]
    public void No_type_or_member_of_the_protocol_or_the_client_is_named_after_an_acting_request()
    {
        Assembly[] assemblies = [typeof(IWireMessage).Assembly, typeof(TwsClient).Assembly];
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var names = new List<string>();
        // ServerVersions names IB's version gates (e.g. MANUAL_ORDER_TIME_EXERCISE_OPTIONS): numbers, not requests.
        foreach (Type t in assemblies.SelectMany(a => a.GetTypes()).Where(t => t != typeof(ServerVersions)))
        {
            names.Add(t.FullName ?? t.Name);
            names.AddRange(t.GetMembers(all).Select(m => $"{t.Name}.{m.Name}"));
        }

        Assert.True(names.Count > 500, $"only {names.Count} names were inspected");
        Assert.DoesNotContain(names, n => ActingWords.Any(w => n.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }
}
