namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>IB's TagValue lists, flattened on the wire as one field <c>tag=value;tag2=value2;</c> ("" for none).</summary>
public static class TagValues
{
    /// <summary>The empty list.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Empty { get; } = [];

    /// <summary>Parses the flattened form; a pair without '=' keeps the whole text as its tag.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        if (text.Length == 0)
        {
            return Empty;
        }

        var list = new List<KeyValuePair<string, string>>();
        foreach (string pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            list.Add(eq < 0 ? new(pair, "") : new(pair[..eq], pair[(eq + 1)..]));
        }

        return list;
    }

    /// <summary>Reads one TagValue field.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(ref FieldReader reader) => Parse(reader.ReadString());
}
