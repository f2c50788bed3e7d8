using HipaaDev.Analyzers.Tests.Infrastructure;

namespace HipaaDev.Analyzers.Tests.Rules;

/// <summary>HIPAA003: <c>[ApprovedChannel]</c> names checked against the project's policy list.</summary>
public sealed class ChannelNotInPolicyTests
{
    internal const string Policy = "hipaa_dev.approved_channels = secure-email, patient-portal\n";

    /// <summary>The marker on LabTexts' PHI parameter, the source its HIPAA001 names.</summary>
    internal const int Result = 9;

    // A PHI send inside whatever the test puts before it; the body is HIPAA001 unless the attribute approves it.
    internal static string LabTexts(string attribute, string bodyMarkup = "body: text") => $$"""
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

    // The attribute is found by its symbol, so an alias or an explicit target names it just as well.
    [Fact]
    public async Task AliasedAndTargetedAttributes_NotInPolicy_Trigger()
    {
        const string source = """
            using HipaaDev.Annotations;
            using Channel = HipaaDev.Annotations.ApprovedChannelAttribute;
            namespace Clinic
            {
                [type: {|#0:Channel("pager")|}]
                public sealed class Pages
                {
                    [method: {|#1:ApprovedChannel("fax")|}]
                    public void Run() { }

                    [Channel("patient-portal")]
                    public void Listed() { }
                }
            }
            """;

        await new AnalyzerTest(source)
            .WithEditorConfig(Policy)
            .Expecting(Expect.Channel(0), Expect.Channel(1))
            .RunAsync();
    }

    // Only attribute lists that can name the attribute are bound: every spelling an alias allows must still be one.
    [Fact]
    public async Task AttributeNamedThroughAnAliasInAnotherFileOrNamespace_NotInPolicy_Triggers()
    {
        const string aliases = """
            global using ChannelAttribute = HipaaDev.Annotations.ApprovedChannelAttribute;
            """;
        const string source = """
            namespace Clinic
            {
                using Annotations = HipaaDev.Annotations;
                using Route = HipaaDev.Annotations.ApprovedChannelAttribute;

                public sealed class Pages
                {
                    [{|#0:Channel("pager")|}]
                    public void Short() { }

                    [{|#1:ChannelAttribute("fax")|}]
                    public void Long() { }

                    [{|#2:Annotations.ApprovedChannel("telex")|}]
                    public void Qualified() { }

                    [System.Obsolete, {|#3:Route("carrier-pigeon")|}]
                    public void SecondInTheList() { }

                    [Channel("secure-email")]
                    public void Listed() { }
                }
            }
            """;

        await new AnalyzerTest(aliases, source)
            .WithEditorConfig(Policy)
            .Expecting(Expect.Channel(0), Expect.Channel(1), Expect.Channel(2), Expect.Channel(3))
            .RunAsync();
    }

    // The attribute-list filter reads names as the compiler does: an escape spells the same name, and so does a verbatim
    // identifier (which the compiler takes as written, without adding the Attribute suffix).
    [Fact]
    public async Task AttributeNameSpelledWithAnEscapeOrVerbatim_NotInPolicy_Triggers()
    {
        const string source = """
            using HipaaDev.Annotations;
            namespace Clinic
            {
                public sealed class Pages
                {
                    [{|#0:@ApprovedChannelAttribute("fax")|}]
                    public void Verbatim() { }

                    [{|#1:ApprovedChann\u0065l("pager")|}]
                    public void Escaped() { }
                }
            }
            """;

        await new AnalyzerTest(source)
            .WithEditorConfig(Policy)
            .Expecting(Expect.Channel(0), Expect.Channel(1))
            .RunAsync();
    }
}
