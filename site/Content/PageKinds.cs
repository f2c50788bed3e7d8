namespace HipaaDev.Site.Content;

/// <summary>What a page kind means for the rules (guidance or not) and how authors spell it.</summary>
public static class PageKinds
{
    public static bool IsGuidance(this PageKind kind) =>
        kind is PageKind.Topic or PageKind.Article or PageKind.Checklist or PageKind.Template or PageKind.Tool;

    /// <summary>The front matter spelling of a kind (<c>topic</c>, <c>checklist</c>, ...).</summary>
    public static string ToKey(this PageKind kind) => kind.ToString().ToLowerInvariant();
}
