using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HipaaDev.Analyzers.Flow;
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
            var parsed = ParsePolicy(rawPolicy);
            policy = ChannelPolicy.FromList(parsed.Names);
            policyProblem = parsed.Problem;
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

    /// <summary>
    /// Splits a policy value into channel names. Entries that are not names are dropped and described in
    /// <c>Problem</c>; an empty value yields an empty list, which approves no channel (a broken policy fails closed).
    /// </summary>
    public static (ImmutableArray<string> Names, string? Problem) ParsePolicy(string value)
    {
        if (value.Trim().Length == 0)
        {
            return (ImmutableArray<string>.Empty, "is empty");
        }

        var names = ImmutableArray.CreateBuilder<string>();
        var invalid = new List<string>();
        var emptyEntries = 0;
        foreach (var entry in value.Split(','))
        {
            var name = entry.Trim();
            if (name.Length == 0)
            {
                emptyEntries++;
            }
            else if (IsChannelName(name))
            {
                names.Add(name);
            }
            else
            {
                invalid.Add(name);
            }
        }

        var problems = new List<string>();
        if (names.Count == 0)
        {
            problems.Add("names no channel");
        }

        if (emptyEntries > 0)
        {
            problems.Add(emptyEntries == 1 ? "has an empty entry" : $"has {emptyEntries} empty entries");
        }

        if (invalid.Count > 0)
        {
            problems.Add("has entries that are not channel names (" + string.Join(", ", invalid.Select(name => $"'{name}'")) + ")");
        }

        return (names.ToImmutable(), problems.Count == 0 ? null : string.Join(" and ", problems));
    }

    /// <summary>A channel name: letters, digits, '.', '_' and '-' (the characters policy documents and attributes use).</summary>
    public static bool IsChannelName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var character in name)
        {
            var allowed = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
                || (character >= '0' && character <= '9') || character is '.' or '_' or '-';
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTrue(string? value, bool defaultValue) =>
        bool.TryParse(value?.Trim(), out var parsed) ? parsed : defaultValue;
}
