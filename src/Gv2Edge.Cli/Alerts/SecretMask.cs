namespace Gv2Edge.Cli.Alerts;

/// <summary>Keeps webhook URLs and bot tokens out of output and logs.</summary>
public static class SecretMask
{
    /// <summary>A URL shown without its secret parts: scheme, host and port only, then <c>/***</c>.</summary>
    public static string DescribeUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetLeftPart(UriPartial.Authority) + "/***";
    }

    /// <summary>The parts of a URL that may be secret (path, query, user info), to mask wherever they might appear.</summary>
    public static IReadOnlyList<string> UrlSecrets(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new[] { url.AbsolutePath.Trim('/'), url.Query.TrimStart('?'), url.UserInfo, url.OriginalString }
            .Where(s => s.Length >= 4)
            .ToArray();
    }

    /// <summary><paramref name="text"/> with every secret replaced by <c>***</c>.</summary>
    public static string Mask(string text, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (string s in secrets.Where(s => s.Length >= 4).OrderByDescending(s => s.Length))
        {
            text = text.Replace(s, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
