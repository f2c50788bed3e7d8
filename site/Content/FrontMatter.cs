namespace HipaaDev.Site.Content;

/// <summary>A page's validated front matter, with the file line of every key for later checks.</summary>
public sealed record FrontMatter
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required PageKind Kind { get; init; }
    public string? Summary { get; init; }
    public int? Order { get; init; }
    public string? NavTitle { get; init; }
    public IReadOnlyList<string> Audience { get; init; } = [];
    public DateOnly? LastReviewed { get; init; }
    public IReadOnlyList<SourceReference> Sources { get; init; } = [];
    public IReadOnlyList<string> Related { get; init; } = [];
    public IReadOnlyList<string> RedirectFrom { get; init; } = [];
    public CallToAction? Cta { get; init; }
    public bool Draft { get; init; }

    /// <summary>1-based file line of each key that was present.</summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();

    /// <summary>The line of <paramref name="key"/>, or of the front matter's first line when the key is absent.</summary>
    public int LineOf(string key) => KeyLines.TryGetValue(key, out var line) ? line : 1;
}
