using HipaaDev.Analyzers.Rules;
using HipaaDev.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.CodeFixes;

/// <summary>The HIPAA002 fix: a neutral subject line.</summary>
public sealed class NeutralSubjectFixTests
{
    private static DiagnosticResult Subject(int at) =>
        new DiagnosticResult(RuleIds.PhiInSubject, DiagnosticSeverity.Warning).WithLocation(at).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public async Task SubjectsInArgumentsAndAssignments_FixAll_BecomeNeutral()
    {
        const string before = """
            using HipaaDev.Annotations;
            using MimeKit;
            using SendGrid.Helpers.Mail;

            [ApprovedChannel("secure-email")]
            public static class Mails
            {
                public static SendGridMessage Result(EmailAddress from, EmailAddress to, [Phi] string test) =>
                    MailHelper.CreateSingleEmail(from, to, {|#0:$"Your {test} result"|}, "Please sign in to read it.", null);

                public static void Referral(MimeMessage message, [Phi] string specialty)
                {
                    message.Subject = {|#1:"Referral to " + specialty|};
                }
            }
            """;
        const string after = """
            using HipaaDev.Annotations;
            using MimeKit;
            using SendGrid.Helpers.Mail;

            [ApprovedChannel("secure-email")]
            public static class Mails
            {
                public static SendGridMessage Result(EmailAddress from, EmailAddress to, [Phi] string test) =>
                    MailHelper.CreateSingleEmail(from, to, "A message from your care team", "Please sign in to read it.", null);

                public static void Referral(MimeMessage message, [Phi] string specialty)
                {
                    message.Subject = "A message from your care team";
                }
            }
            """;

        var test = new FixTest<NeutralSubjectCodeFixProvider>(before, after);
        test.ExpectedDiagnostics.AddRange(new[] { Subject(0), Subject(1) });
        test.CodeActionEquivalenceKey = NeutralSubjectCodeFixProvider.EquivalenceKey;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }
}
