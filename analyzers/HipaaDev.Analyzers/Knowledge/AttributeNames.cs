namespace HipaaDev.Analyzers.Knowledge;

/// <summary>
/// The contract's attributes, matched by simple name so a team may declare its own copies in any namespace
/// (the analyzer reads them from source and from referenced assemblies' metadata alike).
/// </summary>
internal static class AttributeNames
{
    public const string Phi = "PhiAttribute";
    public const string ApprovedChannel = "ApprovedChannelAttribute";
    public const string PhiSanitizer = "PhiSanitizerAttribute";
}
