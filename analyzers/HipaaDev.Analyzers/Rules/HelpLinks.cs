namespace HipaaDev.Analyzers.Rules;

/// <summary>Builds each rule's help link: the rule's page on the HipaaDev site.</summary>
public static class HelpLinks
{
    /// <summary>The site's base URL; the site's own <c>site/site.yml</c> must agree (a test checks it).</summary>
    public const string SiteBaseUrl = "https://hipaadev.netlify.app";

    public static string ForRule(string ruleId) => $"{SiteBaseUrl}/analyzer/rules/{ruleId.ToLowerInvariant()}/";
}
