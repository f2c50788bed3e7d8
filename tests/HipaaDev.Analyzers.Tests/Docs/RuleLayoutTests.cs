using System.IO;
using System.Reflection;
using HipaaDev.Analyzers.Rules;
using HipaaDev.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace HipaaDev.Analyzers.Tests.Docs;

/// <summary>
/// Every rule lives in one place under one stem: <c>Rules/Stem.cs</c> (or <c>StemAnalyzer.cs</c>, when the rule has an
/// analyzer of its own) declares its ID and descriptor, <c>Rules/StemTests.cs</c> tests it, <c>docs/rules/ID.md</c> is
/// its page, and a code fix for it is <c>StemCodeFix.cs</c>, tested by <c>CodeFixes/StemCodeFixTests.cs</c>.
/// </summary>
public sealed class RuleLayoutTests
{
    private static readonly string s_productRules = Path.Combine(RepositoryPaths.Root, "analyzers", "HipaaDev.Analyzers", "Rules");
    private static readonly string s_testRules = Path.Combine(RepositoryPaths.Root, "tests", "HipaaDev.Analyzers.Tests", "Rules");

    public static TheoryData<string> RuleIds() => RulePageTests.RuleIds();

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_IsDeclaredTestedAndDocumentedUnderItsStem(string id)
    {
        var declaring = DeclaringType(id);
        var stem = Stem(declaring);

        Assert.True(File.Exists(Path.Combine(s_productRules, declaring.Name + ".cs")), $"{id} is declared by {declaring.Name}, which should be in analyzers/HipaaDev.Analyzers/Rules/{declaring.Name}.cs.");
        Assert.True(File.Exists(Path.Combine(s_testRules, stem + "Tests.cs")), $"{id} ({stem}) has no tests/HipaaDev.Analyzers.Tests/Rules/{stem}Tests.cs.");
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.RulesFolder, id + ".md")), $"{id} has no page analyzers/docs/rules/{id}.md.");
    }

    [Fact]
    public void EveryCodeFix_IsNamedAfterTheFirstRuleItFixes_AndHasItsTests()
    {
        var fixes = typeof(PhiInSubjectCodeFix).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
            .ToList();
        Assert.NotEmpty(fixes);
        foreach (var type in fixes)
        {
            var fix = (CodeFixProvider)Activator.CreateInstance(type)!;
            var stem = Stem(DeclaringType(fix.FixableDiagnosticIds[0]));
            Assert.Equal(stem + "CodeFix", type.Name);
            var root = Path.Combine(RepositoryPaths.Root, "analyzers", "HipaaDev.CodeFixes");
            Assert.True(File.Exists(Path.Combine(root, type.Name + ".cs")), $"{type.Name} should be in analyzers/HipaaDev.CodeFixes/{type.Name}.cs.");
            Assert.True(
                File.Exists(Path.Combine(RepositoryPaths.Root, "tests", "HipaaDev.Analyzers.Tests", "CodeFixes", type.Name + "Tests.cs")),
                $"{type.Name} has no tests/HipaaDev.Analyzers.Tests/CodeFixes/{type.Name}Tests.cs.");
        }
    }

    [Fact]
    public void RulesFolder_HoldsOneTestFilePerRule()
    {
        var stems = RulesTable.Descriptors().Select(descriptor => Stem(DeclaringType(descriptor.Id)) + "Tests.cs").Order(StringComparer.Ordinal);
        var files = Directory.GetFiles(s_testRules, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(stems, files);
    }

    /// <summary>The type in <c>HipaaDev.Analyzers.Rules</c> whose public static descriptor has this ID.</summary>
    private static Type DeclaringType(string id)
    {
        var declaring = typeof(PhiFlowAnalyzer).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(PhiFlowAnalyzer).Namespace)
            .Where(type => type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Any(field => field.FieldType == typeof(DiagnosticDescriptor) && ((DiagnosticDescriptor)field.GetValue(null)!).Id == id))
            .ToList();
        Assert.True(declaring.Count == 1, $"{id} should be declared by exactly one type in HipaaDev.Analyzers.Rules; found {declaring.Count}.");
        return declaring[0];
    }

    private static string Stem(Type declaring) =>
        declaring.Name.EndsWith("Analyzer", StringComparison.Ordinal) ? declaring.Name[..^"Analyzer".Length] : declaring.Name;
}
