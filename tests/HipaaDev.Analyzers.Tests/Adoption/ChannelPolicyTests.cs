using HipaaDev.Analyzers.Flow;

namespace HipaaDev.Analyzers.Tests.Adoption;

/// <summary>HIPAA003 and HIPAA005: the approved-channel policy list and the attributes checked against it.</summary>
public sealed class ChannelPolicyTests
{
    private const string Policy = "hipaa_dev.approved_channels = secure-email, patient-portal\n";

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
                public static void Send(string phone, [Phi] string result)
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
        await new AdoptionTest(LabTexts("[{|#0:ApprovedChannel(\"sms\")|}]", "body: {|#1:text|}"))
            .WithEditorConfig(Policy)
            .Expecting(
                Adopt.Channel(0).WithArguments("sms", "secure-email, patient-portal"),
                Adopt.Body(1))
            .RunAsync();
    }

    [Fact]
    public async Task MethodAttribute_ListedWithOtherCaseAndSpacing_ApprovesTheSend()
    {
        await new AdoptionTest(LabTexts("[ApprovedChannel(\"Patient-Portal\")]"))
            .WithEditorConfig("hipaa_dev.approved_channels =  Secure-Email ,patient-portal  \n")
            .RunAsync();
    }

    [Fact]
    public async Task AnyName_WithoutPolicyKey_IsAccepted()
    {
        await new AdoptionTest(LabTexts("[ApprovedChannel(\"whatever-we-like\")]")).RunAsync();
    }

    [Fact]
    public async Task GlobalConfigPolicy_IsRead()
    {
        await new AdoptionTest(LabTexts("[{|#0:ApprovedChannel(\"sms\")|}]", "body: {|#1:text|}"))
            .WithGlobalConfig(Policy)
            .Expecting(Adopt.Channel(0), Adopt.Body(1))
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

        await new AdoptionTest(source)
            .WithEditorConfig(Policy)
            .Expecting(Adopt.Channel(0).WithArguments("fax", "secure-email, patient-portal"), Adopt.Channel(1), Adopt.Channel(2), Adopt.Channel(3), Adopt.Channel(4))
            .RunAsync();
    }

    [Fact]
    public async Task EmptyPolicyValue_ReportsTheValueAndApprovesNoChannel()
    {
        await new AdoptionTest(LabTexts("[{|#0:ApprovedChannel(\"secure-email\")|}]", "body: {|#1:text|}"))
            .WithEditorConfig("hipaa_dev.approved_channels =\n")
            .Expecting(
                Adopt.Policy("is empty", ""),
                Adopt.Channel(0).WithArguments("secure-email", "no channel is listed"),
                Adopt.Body(1))
            .RunAsync();
    }

    [Fact]
    public async Task PolicyWithEmptyAndInvalidEntries_IsReportedAndKeepsValidNames()
    {
        await new AdoptionTest(LabTexts("[ApprovedChannel(\"patient-portal\")]"))
            .WithEditorConfig("hipaa_dev.approved_channels = patient-portal,, secure email, portal!\n")
            .Expecting(Adopt.Policy(
                "has an empty entry and has entries that are not channel names ('secure email', 'portal!')",
                "patient-portal,, secure email, portal!"))
            .RunAsync();
    }

    [Fact]
    public async Task WellFormedPolicy_ReportsNothing()
    {
        await new AdoptionTest(LabTexts("[ApprovedChannel(\"secure-email\")]"))
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
