using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Rules;

/// <summary>
/// HIPAA100, the messaging inventory: one per send site, only when <c>hipaa_dev.inventory = true</c> (or the
/// MSBuild property <c>HipaaDevInventory</c>). Collected by <see cref="PhiFlowAnalyzer"/> and reported by
/// <see cref="Inventory.MessagingInventory"/> at the end of the compilation. The details are in the properties
/// (<see cref="InventoryProperties"/>), so a SARIF error log holds the inventory.
/// </summary>
public static class SendSite
{
    public const string Id = "HIPAA100";

    /// <summary>Arguments: API, channel, vendor, enclosing member, PHI summary.</summary>
    public static readonly DiagnosticDescriptor Descriptor = RuleDescriptor.Info(
        Id,
        "Messaging inventory: send site",
        "Send site '{0}' ({1}, {2}) in '{3}': {4}",
        "Lists a place where the code puts content into an SMS or email, with its SDK, channel approval and the PHI that can reach it, "
        + "for the risk analysis (45 CFR 164.308(a)(1)(ii)(A)). Reported only when the inventory option is on.",
        WellKnownDiagnosticTags.CompilationEnd);
}
