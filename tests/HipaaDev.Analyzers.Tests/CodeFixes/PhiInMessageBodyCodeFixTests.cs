using HipaaDev.Analyzers.Tests.Infrastructure;
using HipaaDev.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.CodeFixes;

/// <summary>The HIPAA001/HIPAA004 fix: mark the enclosing method, local function or type as an approved channel.</summary>
public sealed class PhiInMessageBodyCodeFixTests
{
    private const string Before = """
        using System.Threading.Tasks;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        namespace Clinic
        {
            public sealed class LabTexts
            {
                /// <summary>Sends a result.</summary>
                public Task<MessageResource> SendAsync(string phone, [HipaaDev.Annotations.Phi] string {|#1:result|})
                {
                    return MessageResource.CreateAsync(to: new PhoneNumber(phone), from: new PhoneNumber("+15550100"), body: {|#0:"Result: " + result|});
                }
            }
        }
        """;

    [Fact]
    public async Task OnMethod_WithPolicy_AddsListedChannelAndUsing()
    {
        const string after = """
            using System.Threading.Tasks;
            using HipaaDev.Annotations;
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;

            namespace Clinic
            {
                public sealed class LabTexts
                {
                    /// <summary>Sends a result.</summary>
                    [ApprovedChannel("patient-portal")]
                    public Task<MessageResource> SendAsync(string phone, [HipaaDev.Annotations.Phi] string result)
                    {
                        return MessageResource.CreateAsync(to: new PhoneNumber(phone), from: new PhoneNumber("+15550100"), body: "Result: " + result);
                    }
                }
            }
            """;

        var test = new FixTest<PhiInMessageBodyCodeFix>(Before, after).WithPolicy("secure-email, patient-portal");
        test.ExpectedDiagnostics.Add(Expect.Body(0, "result", 1));
        test.CodeActionEquivalenceKey = PhiInMessageBodyCodeFix.MemberKeyPrefix + "patient-portal";
        test.CodeActionIndex = 2; // member and type actions alternate per listed channel
        await test.RunAsync();
    }

    [Fact]
    public async Task OnType_WithoutPolicy_AddsPlaceholderChannel()
    {
        const string after = """
            using System.Threading.Tasks;
            using HipaaDev.Annotations;
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;

            namespace Clinic
            {
                [ApprovedChannel("approved-channel")]
                public sealed class LabTexts
                {
                    /// <summary>Sends a result.</summary>
                    public Task<MessageResource> SendAsync(string phone, [HipaaDev.Annotations.Phi] string result)
                    {
                        return MessageResource.CreateAsync(to: new PhoneNumber(phone), from: new PhoneNumber("+15550100"), body: "Result: " + result);
                    }
                }
            }
            """;

        var test = new FixTest<PhiInMessageBodyCodeFix>(Before, after);
        test.ExpectedDiagnostics.Add(Expect.Body(0, "result", 1));
        test.CodeActionEquivalenceKey = PhiInMessageBodyCodeFix.TypeKeyPrefix + "approved-channel";
        test.CodeActionIndex = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task OnLocalFunction_ReplacesARejectedChannelName()
    {
        const string before = """
            using HipaaDev.Annotations;
            using SendGrid.Helpers.Mail;

            public static class Mails
            {
                public static void Build(SendGridMessage message, [Phi] string {|#1:diagnosis|})
                {
                    [ApprovedChannel("sms")]
                    void Fill() => message.AddContent("text/plain", {|#0:diagnosis|});
                    Fill();
                }
            }
            """;
        const string after = """
            using HipaaDev.Annotations;
            using SendGrid.Helpers.Mail;

            public static class Mails
            {
                public static void Build(SendGridMessage message, [Phi] string diagnosis)
                {
                    [ApprovedChannel("secure-email")]
                    void Fill() => message.AddContent("text/plain", diagnosis);
                    Fill();
                }
            }
            """;

        var test = new FixTest<PhiInMessageBodyCodeFix>(before, after).WithPolicy("secure-email");
        test.ExpectedDiagnostics.Add(Expect.Body(0, "diagnosis", 1));
        test.CodeActionEquivalenceKey = PhiInMessageBodyCodeFix.MemberKeyPrefix + "secure-email";
        test.CodeActionIndex = 0;
        await test.RunAsync();
    }

    [Fact]
    public async Task TemplateData_FixAllInDocument_MarksEachMethodOnce()
    {
        const string before = """
            using HipaaDev.Annotations;
            using SendGrid.Helpers.Mail;

            [Phi]
            public sealed record Visit(string {|#4:Reason|}, string Clinician);

            public static class Mails
            {
                public static void Reminder(SendGridMessage message, Visit {|#3:visit|})
                {
                    message.SetTemplateData({|#0:visit|});
                    message.AddContent("text/plain", {|#1:visit.Reason|});
                }

                public static void FollowUp(SendGridMessage message, Visit {|#5:visit|}) => message.SetTemplateData({|#2:visit|});
            }
            """;
        const string after = """
            using HipaaDev.Annotations;
            using SendGrid.Helpers.Mail;

            [Phi]
            public sealed record Visit(string Reason, string Clinician);

            public static class Mails
            {
                [ApprovedChannel("secure-email")]
                public static void Reminder(SendGridMessage message, Visit visit)
                {
                    message.SetTemplateData(visit);
                    message.AddContent("text/plain", visit.Reason);
                }

                [ApprovedChannel("secure-email")]
                public static void FollowUp(SendGridMessage message, Visit visit) => message.SetTemplateData(visit);
            }
            """;

        var test = new FixTest<PhiInMessageBodyCodeFix>(before, after).WithPolicy("secure-email");
        test.ExpectedDiagnostics.AddRange(new[] { Expect.Template(0, "visit", 3), Expect.Body(1, "Visit.Reason", 4), Expect.Template(2, "visit", 5) });
        test.CodeActionEquivalenceKey = PhiInMessageBodyCodeFix.MemberKeyPrefix + "secure-email";
        test.CodeActionIndex = 0;
        test.NumberOfFixAllIterations = 1;
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task SinkInsideHelper_MarksTheCallerWhoseArgumentIsReported()
    {
        const string source = """
            using HipaaDev.Annotations;
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;

            public static class Texts
            {
                public static void Send([Phi] string {|#1:diagnosis|}) => Deliver({|#0:diagnosis|});

                private static void Deliver(string text) =>
                    MessageResource.Create(to: new PhoneNumber("+15550111"), from: new PhoneNumber("+15550100"), body: text);
            }
            """;
        const string after = """
            using HipaaDev.Annotations;
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;

            public static class Texts
            {
                [ApprovedChannel("patient-portal")]
                public static void Send([Phi] string diagnosis) => Deliver(diagnosis);

                private static void Deliver(string text) =>
                    MessageResource.Create(to: new PhoneNumber("+15550111"), from: new PhoneNumber("+15550100"), body: text);
            }
            """;

        var test = new FixTest<PhiInMessageBodyCodeFix>(source, after).WithPolicy("patient-portal");
        test.ExpectedDiagnostics.Add(Expect.Body(0, "diagnosis", 1));
        test.CodeActionEquivalenceKey = PhiInMessageBodyCodeFix.MemberKeyPrefix + "patient-portal";
        test.CodeActionIndex = 0;
        await test.RunAsync();
    }
}
