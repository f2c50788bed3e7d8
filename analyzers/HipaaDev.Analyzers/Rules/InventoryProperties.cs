namespace HipaaDev.Analyzers.Rules;

/// <summary>
/// Keys of the properties of a HIPAA100 (messaging inventory) diagnostic. They are a public contract: the
/// <c>hipaa-inventory</c> tool and any other SARIF reader depend on them. Lists are comma-separated.
/// </summary>
public static class InventoryProperties
{
    /// <summary>The catalogued SDK member, for example <c>Twilio.Rest.Api.V2010.Account.MessageResource.Create</c>.</summary>
    public const string Api = "api";

    /// <summary>The SDK's vendor or family, for example <c>Twilio</c> or <c>MailKit/MimeKit</c>.</summary>
    public const string Vendor = "vendor";

    /// <summary><c>SMS</c>, <c>email</c> or <c>message</c> (a channel-neutral API).</summary>
    public const string Channel = "channel";

    /// <summary>The message parts the site fills: <c>body</c>, <c>subject</c>, <c>template</c>.</summary>
    public const string Parts = "parts";

    /// <summary>The enclosing member, <c>Namespace.Type.Member</c>.</summary>
    public const string Method = "method";

    /// <summary>The <c>[ApprovedChannel]</c> name that covers the site, or empty.</summary>
    public const string ApprovedChannel = "approvedChannel";

    /// <summary><c>yes</c> or <c>no</c> (is the name in the policy list), <c>no-policy</c> without a list, empty without a name.</summary>
    public const string ApprovedChannelListed = "approvedChannelListed";

    /// <summary>The parts PHI can reach, directly or from callers through a helper's parameters.</summary>
    public const string PhiParts = "phiParts";

    /// <summary>The PHI sources that can reach the site, sorted, separated by <c>"; "</c>.</summary>
    public const string PhiSources = "phiSources";
}
