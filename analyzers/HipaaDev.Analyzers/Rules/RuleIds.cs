namespace HipaaDev.Analyzers.Rules;

/// <summary>Every rule ID the package reports, defined once.</summary>
public static class RuleIds
{
    public const string PhiInMessageBody = "HIPAA001";
    public const string PhiInSubject = "HIPAA002";
    public const string ChannelNotInPolicy = "HIPAA003";
    public const string PhiObjectInTemplate = "HIPAA004";
    public const string ChannelPolicyMalformed = "HIPAA005";
    public const string PhiSymbolsFileEntryInvalid = "HIPAA006";
    public const string SendSite = "HIPAA100";
}
