namespace HipaaDev.Inventory;

/// <summary>
/// One send site: one use of a catalogued SDK member that puts text into an SMS or email, as one HIPAA100 result
/// describes it. Record equality is what de-duplicates the same site reported by several builds (multi-targeting).
/// </summary>
/// <param name="Path">The source file: absolute as the compiler logged it, or relative once the inventory is built.</param>
/// <param name="Parts">Comma-separated message parts the site fills: <c>body</c>, <c>subject</c>, <c>template</c>.</param>
/// <param name="ApprovedChannel">The <c>[ApprovedChannel]</c> name covering the site, or empty.</param>
/// <param name="ApprovedChannelListed"><c>yes</c>, <c>no</c>, <c>no-policy</c>, or empty without an approved channel.</param>
/// <param name="PhiParts">Comma-separated parts PHI can reach, or empty.</param>
/// <param name="PhiSources">PHI source names separated by <c>; </c>, or empty.</param>
internal sealed record SendSite(
    string Path,
    int Line,
    int Column,
    string Api,
    string Vendor,
    string Channel,
    string Parts,
    string Method,
    string ApprovedChannel,
    string ApprovedChannelListed,
    string PhiParts,
    string PhiSources)
{
    public const string Listed = "yes";
    public const string NotListed = "no";
    public const string NoPolicy = "no-policy";

    public bool HasPhi => PhiParts.Length > 0 || PhiSources.Length > 0;

    /// <summary>
    /// Whether an approved channel covers the site. A name the policy does not list approves nothing: the analyzer
    /// reports PHI there as it does outside any channel (HIPAA003 names the channel).
    /// </summary>
    public bool IsInApprovedChannel => ApprovedChannel.Length > 0 && ApprovedChannelListed != NotListed;

    public bool HasPhiInSubject => PhiParts.Split(',').Any(part => part.Trim() == "subject");

    public string Location => $"{Path}:{Line}";
}
