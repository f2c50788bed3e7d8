using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using VerifyFlow = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.Rules.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Flow;

/// <summary>The cases the contract says are not reported, each on its own.</summary>
public sealed class NoReportTests
{
    private static Task VerifyAsync(string members, params DiagnosticResult[] expected) =>
        VerifyFlow.AnalyzerAsync(new[] { ClinicModel.Sender(members), ClinicModel.Source }, editorConfig: null, expected);

    [Fact]
    public Task ControlDependenceOnly_ConstantChosenByPhi_DoesNotTrigger() => VerifyAsync("""
        public void Send(Patient p)
        {
            var text = "Please call the clinic.";
            if (p.Diagnosis.Contains("diabetes"))
            {
                text = "Please bring your glucose log.";
            }

            MessageResource.Create(to: new PhoneNumber(p.Phone), body: text);
        }
        """);

    [Fact]
    public Task ControlDependenceOnly_SwitchOnPhiSelectingConstants_DoesNotTrigger() => VerifyAsync("""
        public void Send(Patient p)
        {
            var text = p.Diagnosis switch { "flu" => "Rest and fluids.", _ => "Call us." };
            var urgent = p.Diagnosis.Length > 10 ? "Urgent" : "Routine";
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: text + " " + urgent);
        }
        """);

    [Fact]
    public Task NameOf_IsAConstant_DoesNotTrigger() => VerifyAsync("""
        public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: $"Missing field: {nameof(p.Diagnosis)}");
        """);

    [Fact]
    public Task Constants_DoNotTrigger() => VerifyAsync("""
        private const string Reminder = "You have an appointment tomorrow.";
        public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: Reminder + " Reply C to confirm.");
        """);

    [Fact]
    public Task PhiUsedOnlyAsRecipient_DoesNotTrigger() => VerifyAsync("""
        [Phi] public string MobileNumber { get; set; } = "";
        public void Send(Patient p, SmtpClient smtp)
        {
            MessageResource.Create(to: new PhoneNumber(MobileNumber), body: "Your appointment is tomorrow.");
            smtp.Send(new MailMessage("clinic@example.org", p.LastName + "@example.org", "Appointment reminder", "See you tomorrow."));
            var message = new MailMessage { Subject = "Reminder", Body = "See you tomorrow." };
            message.To.Add(new MailAddress(p.Email, p.LastName));
            smtp.Send(message);
        }
        """);

    [Fact]
    public Task OverwrittenWithCleanTextBeforeSend_DoesNotTrigger() => VerifyAsync("""
        public void Send(Patient p)
        {
            var text = $"Dx: {p.Diagnosis}";
            Console.WriteLine(text.Length);
            text = "Your results are ready in the portal.";
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: text);
        }
        """);

    [Fact]
    public Task SanitizerAttribute_DoesNotTrigger() => VerifyAsync("""
        public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: $"Hi {Masking.Initials(p.LastName)}, your results are ready.");
        """);

    [Fact]
    public Task ComplianceRedactor_DoesNotTrigger() => VerifyAsync("""
        public void Send(Patient p, Microsoft.Extensions.Compliance.Redaction.Redactor redactor) =>
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: $"Hi {redactor.Redact(p.LastName)}, your results are ready.");
        """);

    [Fact]
    public Task NonTextResultsOfPhi_DoNotTrigger() => VerifyAsync("""
        public void Send(Patient p)
        {
            var hasDetails = p.Diagnosis.Contains("x") || p.Diagnosis.Equals("y") || string.IsNullOrEmpty(p.LastName);
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: $"Length {p.Diagnosis.Length}, index {p.LastName.IndexOf('a')}, flag {hasDetails}");
        }
        """);

    [Fact]
    public Task ApprovedChannelOnMethod_Body_DoesNotTrigger() => VerifyAsync("""
        [ApprovedChannel("secure-sms")]
        public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: $"Dx: {p.Diagnosis}");
        """);

    [Fact]
    public Task ApprovedChannelOnLocalFunction_Body_DoesNotTrigger() => VerifyAsync("""
        public void Send(Patient p)
        {
            Deliver();

            [ApprovedChannel("secure-sms")]
            void Deliver() => MessageResource.Create(to: new PhoneNumber(p.Phone), body: $"Dx: {p.Diagnosis}");
        }
        """);

    [Fact]
    public async Task ApprovedChannelOnType_Body_DoesNotTrigger()
    {
        const string source = """
            using HipaaDev.Annotations;
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;
            namespace Clinic
            {
                [ApprovedChannel("secure-sms")]
                public sealed class SecureSender
                {
                    public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: $"Dx: {p.Diagnosis}");

                    public sealed class Nested
                    {
                        public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis);
                    }
                }

                [ApprovedChannel("secure-sms")]
                public struct SecureStructSender
                {
                    public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis);
                }
            }
            """;
        await VerifyFlow.AnalyzerAsync(new[] { source, ClinicModel.Source }, null);
    }

    [Fact]
    public async Task ApprovedChannelOnAssembly_Body_DoesNotTrigger()
    {
        const string source = """
            using HipaaDev.Annotations;
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;
            [assembly: ApprovedChannel("patient-portal")]
            namespace Clinic
            {
                public sealed class PortalSender
                {
                    public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis);
                }
            }
            """;
        await VerifyFlow.AnalyzerAsync(new[] { source, ClinicModel.Source }, null);
    }

    [Fact]
    public Task NoSinkInBlock_PhiFlowsElsewhere_DoesNotTrigger() => VerifyAsync("""
        public string Describe(Patient p) => $"Dx: {p.Diagnosis}";
        public void Log(Patient p) => Console.WriteLine(p.Diagnosis);
        """);

    [Fact]
    public Task UserTypeNamedLikeSdk_InOtherNamespace_DoesNotTrigger() => VerifyAsync("""
        public sealed class MessageResourceLike { public static void Create(string body) { } }
        public void Send(Patient p) => MessageResourceLike.Create(body: p.Diagnosis);
        """);
}
