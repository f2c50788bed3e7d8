using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Rules;

/// <summary>
/// HIPAA002: PHI reaches an email subject, approved channel or not. Reported by <see cref="PhiFlowAnalyzer"/>;
/// code fix: <c>PhiInSubjectCodeFix</c>.
/// </summary>
public static class PhiInSubject
{
    public const string Id = "HIPAA002";

    /// <summary>Arguments: PHI source, sink member.</summary>
    public static readonly DiagnosticDescriptor Descriptor = RuleDescriptor.Warning(
        Id,
        "PHI reaches an email subject line",
        "'{0}' (PHI) reaches the email subject of '{1}'. Use a neutral subject and keep the details in the body of an approved channel.",
        "Subject lines show in inbox lists, lock screens and notification previews, and S/MIME does not encrypt them, "
        + "so PHI in a subject is reported even inside an approved channel.");
}
