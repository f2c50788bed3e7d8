using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Rules;

/// <summary>
/// HIPAA004: an object carrying PHI is handed whole to a template engine's model outside an approved channel.
/// Reported by <see cref="PhiFlowAnalyzer"/>; the HIPAA001 code fix (<c>PhiInMessageBodyCodeFix</c>) is offered too.
/// </summary>
public static class PhiObjectInTemplate
{
    public const string Id = "HIPAA004";

    /// <summary>Arguments: PHI source, sink member.</summary>
    public static readonly DiagnosticDescriptor Descriptor = RuleDescriptor.Warning(
        Id,
        "An object carrying PHI is passed whole to a template or model",
        "'{0}' carries PHI and is passed whole to the template data of '{1}'. Pass a small model with only the fields the message needs, or send through an approved channel.",
        "A template engine renders whatever the model holds; passing an object with PHI members makes every member available to the "
        + "message. Pass a model that holds only what the message needs (minimum necessary).");
}
