using HipaaDev.Analyzers.Policy;
using HipaaDev.Analyzers.Tests.Infrastructure;
using static HipaaDev.Analyzers.Tests.Rules.ChannelNotInPolicyTests;

namespace HipaaDev.Analyzers.Tests.Rules;

/// <summary>HIPAA005: an empty or malformed policy value, reported once, and how a value is read.</summary>
public sealed class ChannelPolicyMalformedTests
{
    [Fact]
    public async Task EmptyPolicyValue_ReportsTheValueAndApprovesNoChannel()
    {
        await new AnalyzerTest(LabTexts("[{|#0:ApprovedChannel(\"secure-email\")|}]", "body: {|#1:text|}"))
            .WithEditorConfig("hipaa_dev.approved_channels =\n")
            .Expecting(
                Expect.Policy("is empty", ""),
                Expect.Channel(0).WithArguments("secure-email", "no channel is listed"),
                Expect.Body(1, "result", Result))
            .RunAsync();
    }

    [Fact]
    public async Task PolicyWithEmptyAndInvalidEntries_IsReportedAndKeepsValidNames()
    {
        await new AnalyzerTest(LabTexts("[ApprovedChannel(\"patient-portal\")]"))
            .WithEditorConfig("hipaa_dev.approved_channels = patient-portal,, secure email, portal!\n")
            .Expecting(Expect.Policy(
                "has an empty entry and has entries that are not channel names ('secure email', 'portal!')",
                "patient-portal,, secure email, portal!"))
            .RunAsync();
    }

    [Fact]
    public async Task WellFormedPolicy_ReportsNothing()
    {
        await new AnalyzerTest(LabTexts("[ApprovedChannel(\"secure-email\")]"))
            .WithEditorConfig("hipaa_dev.approved_channels = secure-email, patient_portal.v2\n")
            .RunAsync();
    }

    [Theory]
    [InlineData("secure-email, patient-portal", "secure-email|patient-portal", null)]
    [InlineData(" a.b_c-1 ", "a.b_c-1", null)]
    [InlineData("", "", "is empty")]
    [InlineData("  ", "", "is empty")]
    [InlineData(",,", "", "names no channel and has 3 empty entries")]
    [InlineData("portal,", "portal", "has an empty entry")]
    [InlineData("sms;email", "", "names no channel and has entries that are not channel names ('sms;email')")]
    public void Parse_SplitsNamesAndDescribesProblems(string value, string expectedNames, string? expectedProblem)
    {
        var (policy, problem) = ChannelPolicy.Parse(value);

        Assert.Equal(expectedNames, string.Join("|", policy.Names!.Value));
        Assert.Equal(expectedProblem, problem);
        Assert.True(policy.IsListed);
        Assert.False(policy.Accepts("not-listed"));
    }
}
