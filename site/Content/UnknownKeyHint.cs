namespace HipaaDev.Site.Content;

/// <summary>The fix offered for an unknown key: the allowed keys, led by the one the author most likely meant.</summary>
internal static class UnknownKeyHint
{
    public static string Fix(string key, IReadOnlyList<string> allowed)
    {
        // A near spelling ("last_reviewd") or a longer form of the same word ("citation" for "cite").
        var closest = allowed.MinBy(candidate => EditDistance(key, candidate));
        var sharedStart = key.Length >= 3 ? allowed.FirstOrDefault(candidate => candidate.StartsWith(key[..3], StringComparison.OrdinalIgnoreCase)) : null;
        var match = closest is not null && EditDistance(key, closest) <= Math.Max(2, key.Length / 2) ? closest : sharedStart;
        var suggestion = match is not null ? $"Did you mean '{match}'? " : string.Empty;
        return $"{suggestion}Allowed keys: {string.Join(", ", allowed)}.";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
