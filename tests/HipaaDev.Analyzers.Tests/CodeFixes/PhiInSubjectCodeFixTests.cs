using HipaaDev.Analyzers.Tests.Infrastructure;
using HipaaDev.CodeFixes;

namespace HipaaDev.Analyzers.Tests.CodeFixes;

/// <summary>The HIPAA002 fix: a neutral subject line.</summary>
public sealed class PhiInSubjectCodeFixTests
{
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
                public static SendGridMessage Result(EmailAddress from, EmailAddress to, [Phi] string {|#9:test|}) =>
                    MailHelper.CreateSingleEmail(from, to, {|#0:$"Your {test} result"|}, "Please sign in to read it.", null);

                public static void Referral(MimeMessage message, [Phi] string {|#8:specialty|})
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

        var test = new FixTest<PhiInSubjectCodeFix>(before, after);
        test.ExpectedDiagnostics.AddRange(new[] { Expect.Subject(0, "test", 9), Expect.Subject(1, "specialty", 8) });
        test.CodeActionEquivalenceKey = PhiInSubjectCodeFix.EquivalenceKey;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task InApprovedChannel_KeepDetails_MovesThemToThePlainTextBody()
    {
        const string before = """
            using HipaaDev.Annotations;
            using SendGrid.Helpers.Mail;

            public static class Mails
            {
                [ApprovedChannel("secure-email")]
                public static SendGridMessage Result(EmailAddress from, EmailAddress to, [Phi] string {|#9:test|}, bool urgent) =>
                    MailHelper.CreateSingleEmail(from, to, {|#0:$"Your {test} result"|}, urgent ? "Please call us today." : "Please sign in to read it.", null);
            }
            """;
        const string after = """
            using HipaaDev.Annotations;
            using SendGrid.Helpers.Mail;

            public static class Mails
            {
                [ApprovedChannel("secure-email")]
                public static SendGridMessage Result(EmailAddress from, EmailAddress to, [Phi] string test, bool urgent) =>
                    MailHelper.CreateSingleEmail(from, to, "A message from your care team", $"Your {test} result" + "\n\n" + (urgent ? "Please call us today." : "Please sign in to read it."), null);
            }
            """;

        var test = new FixTest<PhiInSubjectCodeFix>(before, after).WithPolicy("secure-email");
        test.ExpectedDiagnostics.Add(Expect.Subject(0, "test", 9));
        test.CodeActionEquivalenceKey = PhiInSubjectCodeFix.KeepDetailsEquivalenceKey;
        test.CodeActionIndex = 0;
        await test.RunAsync();
    }

    [Fact]
    public async Task OutsideAnApprovedChannel_OnlyTheNeutralSubjectIsOffered()
    {
        const string before = """
            using HipaaDev.Annotations;
            using SendGrid.Helpers.Mail;

            public static class Mails
            {
                [ApprovedChannel("sms")]
                public static SendGridMessage Result(EmailAddress from, EmailAddress to, [Phi] string {|#9:test|}) =>
                    MailHelper.CreateSingleEmail(from, to, {|#0:$"Your {test} result"|}, "Please sign in to read it.", null);
            }
            """;
        const string after = """
            using HipaaDev.Annotations;
            using SendGrid.Helpers.Mail;

            public static class Mails
            {
                [ApprovedChannel("sms")]
                public static SendGridMessage Result(EmailAddress from, EmailAddress to, [Phi] string test) =>
                    MailHelper.CreateSingleEmail(from, to, "A message from your care team", "Please sign in to read it.", null);
            }
            """;

        // "sms" is not in the policy, so the method is not an approved channel: one action only.
        var test = new FixTest<PhiInSubjectCodeFix>(before, after).WithPolicy("secure-email");
        test.ExpectedDiagnostics.Add(Expect.Subject(0, "test", 9));
        test.CodeActionEquivalenceKey = PhiInSubjectCodeFix.EquivalenceKey;
        test.CodeActionIndex = 0;
        await test.RunAsync();
    }
}
