using HipaaDev.Analyzers.Flow;
using HipaaDev.Analyzers.Tests.Infrastructure;

namespace HipaaDev.Analyzers.Tests.Adoption;

/// <summary>HIPAA003 and HIPAA005: the approved-channel policy list and the attributes checked against it.</summary>
public sealed class ChannelPolicyTests
{
    private const string Policy = "hipaa_dev.approved_channels = secure-email, patient-portal\n";

    /// <summary>The marker on LabTexts' PHI parameter, the source its HIPAA001 names.</summary>
    private const int Result = 9;

    // A PHI send inside whatever the test puts before it; the body is HIPAA001 unless the attribute approves it.
    private static string LabTexts(string attribute, string bodyMarkup = "body: text") => $$"""
        using HipaaDev.Annotations;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic
        {
            public static class LabTexts
            {
                {{attribute}}
                public static void Send(string phone, [Phi] string {|#{{Result}}:result|})
                {
                    var text = "Your result: " + result;
                    MessageResource.Create(to: new PhoneNumber(phone), from: new PhoneNumber("+15550100"), {{bodyMarkup}});
                }
            }
        }
        """;

    [Fact]
    public async Task MethodAttribute_NotInPolicy_TriggersAndApprovesNothing()
    {
        await new AnalyzerTest(LabTexts("[{|#0:ApprovedChannel(\"sms\")|}]", "body: {|#1:text|}"))
            .WithEditorConfig(Policy)
            .Expecting(
                Expect.Channel(0).WithArguments("sms", "secure-email, patient-portal"),
                Expect.Body(1, "result", Result))
            .RunAsync();
    }

    [Fact]
    public async Task MethodAttribute_ListedWithOtherCaseAndSpacing_ApprovesTheSend()
    {
        await new AnalyzerTest(LabTexts("[ApprovedChannel(\"Patient-Portal\")]"))
            .WithEditorConfig("hipaa_dev.approved_channels =  Secure-Email ,patient-portal  \n")
            .RunAsync();
    }

    [Fact]
    public async Task AnyName_WithoutPolicyKey_IsAccepted()
    {
        await new AnalyzerTest(LabTexts("[ApprovedChannel(\"whatever-we-like\")]")).RunAsync();
    }

    [Fact]
    public async Task GlobalConfigPolicy_IsRead()
    {
        await new AnalyzerTest(LabTexts("[{|#0:ApprovedChannel(\"sms\")|}]", "body: {|#1:text|}"))
            .WithGlobalConfig(Policy)
            .Expecting(Expect.Channel(0), Expect.Body(1, "result", Result))
            .RunAsync();
    }

    [Fact]
    public async Task LocalFunctionLambdaClassStructAndAssemblyAttributes_NotInPolicy_Trigger()
    {
        const string source = """
            using HipaaDev.Annotations;
            [assembly: {|#0:ApprovedChannel("fax")|}]
            namespace Clinic
            {
                [{|#1:ApprovedChannel("pager")|}]
                public sealed class Pages
                {
                    public void Run()
                    {
                        [{|#2:ApprovedChannel("carrier-pigeon")|}]
                        static void Local() { }
                        Local();
                        System.Action lambda = [{|#4:ApprovedChannel("pager")|}] () => { };
                        lambda();
                    }
                }

                [{|#3:ApprovedChannel("kiosk")|}]
                public struct Kiosk
                {
                    [ApprovedChannel("secure-email")]
                    public void Listed() { }
                }
            }
            """;

        await new AnalyzerTest(source)
            .WithEditorConfig(Policy)
            .Expecting(Expect.Channel(0).WithArguments("fax", "secure-email, patient-portal"), Expect.Channel(1), Expect.Channel(2), Expect.Channel(3), Expect.Channel(4))
            .RunAsync();
    }

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
    public void ParsePolicy_SplitsNamesAndDescribesProblems(string value, string expectedNames, string? expectedProblem)
    {
        var (names, problem) = HipaaDevOptions.ParsePolicy(value);

        Assert.Equal(expectedNames, string.Join("|", names));
        Assert.Equal(expectedProblem, problem);
        Assert.Equal(expectedNames.Length > 0, names.Length > 0);
        Assert.False(ChannelPolicy.FromList(names).Accepts("not-listed"));
    }
}
