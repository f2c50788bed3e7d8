using System;
using HipaaDev.Analyzers.Flow;
using HipaaDev.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Analyzers;

/// <summary>
/// The analyzer's settings, read from <c>.editorconfig</c> / <c>.globalconfig</c>. Project-wide keys are read
/// from the global options, then from the options of the project's first source file.
/// </summary>
internal sealed class HipaaDevOptions
{
    public const string MaxCallDepthKey = "hipaa_dev.max_call_depth";
    public const string AnalyzeGeneratedCodeKey = "hipaa_dev.analyze_generated_code";
    public const string DataClassificationIsPhiKey = "hipaa_dev.data_classification_is_phi";
    public const string InventoryKey = "hipaa_dev.inventory";

    /// <summary>The MSBuild property <c>HipaaDevInventory</c>, made visible to analyzers by the package's build props.</summary>
    public const string InventoryBuildProperty = "build_property.HipaaDevInventory";

    private HipaaDevOptions(
        ChannelPolicy policy, string? rawPolicy, string? policyProblem, int maxCallDepth, bool analyzeGeneratedCode, bool dataClassificationIsPhi, bool inventory)
    {
        Inventory = inventory;
        Policy = policy;
        RawPolicy = rawPolicy;
        PolicyProblem = policyProblem;
        MaxCallDepth = maxCallDepth;
        AnalyzeGeneratedCode = analyzeGeneratedCode;
        DataClassificationIsPhi = dataClassificationIsPhi;
    }

    public ChannelPolicy Policy { get; }

    /// <summary>The policy value as written, for diagnostics about it; null when the key is absent.</summary>
    public string? RawPolicy { get; }

    /// <summary>
    /// What is wrong with the policy value ("is empty", "has an empty entry", ...), phrased to follow the value in
    /// the HIPAA005 message; null when the key is absent or well formed.
    /// </summary>
    public string? PolicyProblem { get; }

    public int MaxCallDepth { get; }

    public bool AnalyzeGeneratedCode { get; }

    public bool DataClassificationIsPhi { get; }

    /// <summary>Report every send site (HIPAA100) for the messaging inventory.</summary>
    public bool Inventory { get; }

    public static HipaaDevOptions Read(Compilation compilation, AnalyzerOptions options)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        string? Value(string key)
        {
            if (provider.GlobalOptions.TryGetValue(key, out var global))
            {
                return global;
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                return provider.GetOptions(tree).TryGetValue(key, out var local) ? local : null;
            }

            return null;
        }

        var rawPolicy = Value(ChannelPolicy.OptionKey);
        string? policyProblem = null;
        var policy = ChannelPolicy.AcceptAll;
        if (rawPolicy is not null)
        {
            (policy, policyProblem) = ChannelPolicy.Parse(rawPolicy);
        }

        var depth = PhiFlowSession.DefaultMaxCallDepth;
        if (int.TryParse(Value(MaxCallDepthKey), out var parsedDepth) && parsedDepth >= 0)
        {
            depth = Math.Min(parsedDepth, 10);
        }

        return new HipaaDevOptions(
            policy,
            rawPolicy,
            policyProblem,
            depth,
            analyzeGeneratedCode: IsTrue(Value(AnalyzeGeneratedCodeKey), defaultValue: false),
            dataClassificationIsPhi: IsTrue(Value(DataClassificationIsPhiKey), defaultValue: true),
            inventory: IsTrue(Value(InventoryKey), defaultValue: false) || IsTrue(Value(InventoryBuildProperty), defaultValue: false));
    }

    private static bool IsTrue(string? value, bool defaultValue) =>
        bool.TryParse(value?.Trim(), out var parsed) ? parsed : defaultValue;
}
