using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.Harness;

/// <summary>Rule markers in a sample become numbered markers, in order, each with the expectation built for it.</summary>
public sealed class RuleMarkupTests
{
    [Fact]
    public void Markers_AreNumberedInOrder_FromTheFirstKey()
    {
        var seen = new List<RuleMarker>();

        var (source, expected) = RuleMarkup.Expand(
            "Send({|HIPAA002:p.Name|}, {|HIPAA001:\"Dx \" + p.Diagnosis|});",
            firstKey: 3,
            marker =>
            {
                seen.Add(marker);
                return new DiagnosticResult(marker.RuleId, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(marker.Key);
            });

        Assert.Equal("Send({|#3:p.Name|}, {|#4:\"Dx \" + p.Diagnosis|});", source);
        Assert.Equal(new[] { new RuleMarker("HIPAA002", 3, "p.Name"), new RuleMarker("HIPAA001", 4, "\"Dx \" + p.Diagnosis") }, seen);
        Assert.Equal(new[] { "HIPAA002", "HIPAA001" }, expected.Select(result => result.Id));
    }

    [Fact]
    public void SourceWithoutRuleMarkers_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => RuleMarkup.Expand("Send({|#0:p.Name|});", 0, marker => default));
    }

    [Fact]
    public void RuleMarkerHoldingAnotherMarker_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => RuleMarkup.Expand("Send({|HIPAA001:a + {|#1:b|}|}, {|HIPAA002:c|});", 0, marker => default));
    }
}
