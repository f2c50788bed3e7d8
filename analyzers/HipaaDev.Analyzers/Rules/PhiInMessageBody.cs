using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Rules;

/// <summary>
/// HIPAA001: PHI reaches the text of an SMS or email outside an approved channel. Reported by
/// <see cref="PhiFlowAnalyzer"/> for hits in a body part; code fix: <c>PhiInMessageBodyCodeFix</c>.
/// </summary>
public static class PhiInMessageBody
{
    public const string Id = "HIPAA001";

    /// <summary>Arguments: PHI source, sink part (for example "SMS body"), sink member.</summary>
    public static readonly DiagnosticDescriptor Descriptor = RuleDescriptor.Warning(
        Id,
        "PHI reaches an SMS or email body outside an approved channel",
        "'{0}' (PHI) reaches the {1} of '{2}'. Send it through an [ApprovedChannel] method or type, or remove the PHI from the message.",
        "Protected health information flows into the text of an SMS or email sent outside a channel approved for PHI. "
        + "Plain SMS and ordinary email are not approved for PHI by default; keep messages to the minimum necessary or send them through an approved channel.");
}
