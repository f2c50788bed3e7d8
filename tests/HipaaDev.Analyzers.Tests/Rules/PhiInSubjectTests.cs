using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using VerifyFlow = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.Rules.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Rules;

/// <summary>HIPAA002: PHI reaches an email subject line — reported inside approved channels too.</summary>
public sealed class PhiInSubjectTests
{
    private static Task VerifyAsync(string members, params DiagnosticResult[] expected) =>
        VerifyFlow.AnalyzerAsync(new[] { ClinicModel.Sender(members), ClinicModel.Source }, editorConfig: null, expected);

    [Fact]
    public async Task Subject_FromPhi_ReportsSourceSinkAndFix()
    {
        const string source = """
            using System.Net.Mail;
            namespace Clinic
            {
                public sealed class ResultMailer
                {
                    public void Send(Patient p, SmtpClient smtp) =>
                        smtp.Send(new MailMessage("clinic@example.org", p.Email) { Subject = {|#0:$"Your {p.Diagnosis} results"|}, Body = "Log in to the portal to read them." });
                }
            }
            """;
        await VerifyFlow.AnalyzerAsync(new[] { source, ClinicModel.Source }, null, Expect.Subject(0, "Patient.Diagnosis", ClinicModel.Diagnosis).WithMessage(
            "'Patient.Diagnosis' (PHI) reaches the email subject of 'MailMessage.Subject'. Use a neutral subject and keep the details in the body of an approved channel."));
    }

    [Fact]
    public Task Subject_InsideApprovedChannel_StillTriggers_BodyDoesNot() => VerifyAsync("""
        [ApprovedChannel("secure-email")]
        public void Send(Patient p, SmtpClient smtp) =>
            smtp.Send("clinic@example.org", p.Email, {|#0:"Results for " + p.LastName|}, $"Diagnosis: {p.Diagnosis}");
        """, Expect.Subject(0, "Patient.LastName", ClinicModel.LastName));

    [Fact]
    public Task Subject_NeutralWithPhiInApprovedBody_DoesNotTrigger() => VerifyAsync("""
        [ApprovedChannel("secure-email")]
        public void Send(Patient p, SmtpClient smtp)
        {
            var message = new MailMessage("clinic@example.org", p.Email);
            message.Subject = "A message from your care team";
            message.Body = $"Hello {p.LastName}, your diagnosis: {p.Diagnosis}";
            smtp.Send(message);
        }
        """);

    [Fact]
    public Task Subject_ThroughHelperInApprovedType_StillTriggersAtCallSite() => VerifyAsync("""
        public void Notify(Patient p) => SecureMail.Send(p.Email, {|#0:p.LastName|}, p.Diagnosis);
        """ + "\n}\n[ApprovedChannel(\"secure-email\")]\npublic static class SecureMail\n{\n" + """
        public static void Send(string to, string subject, string body) =>
            new SmtpClient().Send(new MailMessage("clinic@example.org", to, "Re: " + subject, body));
        """, Expect.Subject(0, "Patient.LastName", ClinicModel.LastName));

    [Fact]
    public async Task MimeMessageParamsConstructor_JudgesEachStringOnItsOwn()
    {
        const string source = """
            using MimeKit;
            namespace Clinic
            {
                public sealed class MimeSender
                {
                    public void Send(Patient p)
                    {
                        var detail = new TextPart("plain") { Text = {|#0:p.Diagnosis|} };
                        var neutral = new MimeMessage(new MailboxAddress("Clinic", "clinic@example.org"), "A message from your care team", detail);
                        var subject = "Results for " + p.LastName;
                        var leaky = new MimeMessage(new MailboxAddress("Clinic", "clinic@example.org"), {|#1:subject|}, detail);
                    }
                }
            }
            """;
        await VerifyFlow.AnalyzerAsync(new[] { source, ClinicModel.Source }, null, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis), Expect.Subject(1, "Patient.LastName", ClinicModel.LastName));
    }
}
