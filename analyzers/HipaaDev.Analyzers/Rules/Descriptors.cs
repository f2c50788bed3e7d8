using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Rules;

/// <summary>The diagnostic descriptors. Messages name the PHI source, the sink and the fix.</summary>
public static class Descriptors
{
    public const string Category = "HipaaDev.Privacy";

    /// <summary>HIPAA001. Arguments: PHI source, sink part (for example "SMS body"), sink member.</summary>
    public static readonly DiagnosticDescriptor PhiInMessageBody = Create(
        RuleIds.PhiInMessageBody,
        "PHI reaches an SMS or email body outside an approved channel",
        "'{0}' (PHI) reaches the {1} of '{2}'. Send it through an [ApprovedChannel] method or type, or remove the PHI from the message.",
        "Protected health information flows into the text of an SMS or email sent outside a channel approved for PHI. "
        + "Plain SMS and ordinary email are not approved for PHI by default; keep messages to the minimum necessary or send them through an approved channel.");

    /// <summary>HIPAA002. Arguments: PHI source, sink member.</summary>
    public static readonly DiagnosticDescriptor PhiInSubject = Create(
        RuleIds.PhiInSubject,
        "PHI reaches an email subject line",
        "'{0}' (PHI) reaches the email subject of '{1}'. Use a neutral subject and keep the details in the body of an approved channel.",
        "Subject lines show in inbox lists, lock screens and notification previews, and S/MIME does not encrypt them, "
        + "so PHI in a subject is reported even inside an approved channel.");

    /// <summary>HIPAA003. Arguments: channel name, the policy list.</summary>
    public static readonly DiagnosticDescriptor ChannelNotInPolicy = Create(
        RuleIds.ChannelNotInPolicy,
        "Approved channel is not in the project's policy list",
        "Channel '{0}' is not in the approved-channel policy list ({1}). Use a listed channel, or add it to 'hipaa_dev.approved_channels' in .editorconfig once it has been reviewed.",
        "An [ApprovedChannel] attribute names a channel that the project's messaging policy (hipaa_dev.approved_channels) does not list, "
        + "so it approves nothing.");

    /// <summary>HIPAA004. Arguments: PHI source, sink member.</summary>
    public static readonly DiagnosticDescriptor PhiObjectInTemplate = Create(
        RuleIds.PhiObjectInTemplate,
        "An object carrying PHI is passed whole to a template or model",
        "'{0}' carries PHI and is passed whole to the template data of '{1}'. Pass a small model with only the fields the message needs, or send through an approved channel.",
        "A template engine renders whatever the model holds; passing an object with PHI members makes every member available to the "
        + "message. Pass a model that holds only what the message needs (minimum necessary).");

    /// <summary>HIPAA005. Arguments: what is wrong with the value, the value as written. Reported once per compilation, without a location.</summary>
    public static readonly DiagnosticDescriptor ChannelPolicyMalformed = Create(
        RuleIds.ChannelPolicyMalformed,
        "Approved-channel policy value is empty or malformed",
        "The 'hipaa_dev.approved_channels' value '{1}' {0}. Write a comma-separated list of channel names made of letters, digits, '.', '_' and '-', or remove the key.",
        "The approved-channel policy key is present but its value is empty or holds entries that are not channel names. "
        + "Entries that are not names are ignored; an empty list approves no channel, so every [ApprovedChannel] is reported by HIPAA003.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>HIPAA006. Arguments: the line's entry, what is wrong with it.</summary>
    public static readonly DiagnosticDescriptor PhiSymbolsFileEntryInvalid = Create(
        RuleIds.PhiSymbolsFileEntryInvalid,
        "PhiSymbols.txt entry is malformed or names no symbol",
        "'{0}' in PhiSymbols.txt {1}. Write one documentation-comment ID per line (T:, P:, F: or M: followed by the full name), or remove the line.",
        "Each line of an AdditionalFiles item named PhiSymbols.txt names a type, property, field or method whose values are PHI. "
        + "A line that is not a documentation-comment ID, or names nothing this project references, marks nothing as PHI.");

    /// <summary>
    /// HIPAA100, the messaging inventory: one per send site, only when <c>hipaa_dev.inventory = true</c> (or the
    /// MSBuild property <c>HipaaDevInventory</c>). Arguments: API, channel, vendor, enclosing member, PHI summary.
    /// The details are in the properties (<see cref="InventoryProperties"/>), so a SARIF error log holds the inventory.
    /// </summary>
    public static readonly DiagnosticDescriptor SendSite = Create(
        RuleIds.SendSite,
        "Messaging inventory: send site",
        "Send site '{0}' ({1}, {2}) in '{3}': {4}",
        "Lists a place where the code puts content into an SMS or email, with its SDK, channel approval and the PHI that can reach it, "
        + "for the risk analysis (45 CFR 164.308(a)(1)(ii)(A)). Reported only when the inventory option is on.",
        DiagnosticSeverity.Info,
        WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(string id, string title, string message, string description, params string[] customTags) =>
        Create(id, title, message, description, DiagnosticSeverity.Warning, customTags);

    private static DiagnosticDescriptor Create(
        string id, string title, string message, string description, DiagnosticSeverity severity, params string[] customTags) =>
        new DiagnosticDescriptor(
            id,
            title,
            message,
            Category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinks.ForRule(id),
            customTags: customTags);
}
