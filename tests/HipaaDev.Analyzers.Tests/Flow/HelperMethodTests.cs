using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using VerifyFlow = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.Rules.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Flow;

/// <summary>
/// PHI that reaches a sink through helper methods of the same compilation: reported on the call-site argument where
/// it enters the helper, not inside the helper, through bounded and cached summaries.
/// </summary>
public sealed class HelperMethodTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using HipaaDev.Annotations;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyFlow.AnalyzerAsync(new[] { Usings + "\nnamespace Clinic\n{\n" + source + "\n}\n", ClinicModel.Source }, editorConfig: null, expected);

    [Fact]
    public Task SendHelper_PhiArgument_ReportedAtCallSiteWithHelperName() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                Sms.Send(p.Phone, {|#0:$"Your {p.Diagnosis} follow-up is due."|});
                Sms.Send(p.Phone, "Your follow-up is due.");
            }
        }
        public static class Sms
        {
            public static void Send(string to, string text)
            {
                var body = text.Trim();
                MessageResource.Create(to: new PhoneNumber(to), from: new PhoneNumber("+15550100"), body: body);
            }
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis).WithMessage(
            "'Patient.Diagnosis' (PHI) reaches the SMS body of 'MessageResource.Create' via 'Sms.Send'. Send it through an [ApprovedChannel] method or type, or remove the PHI from the message."));

    [Fact]
    public Task VirtualCall_FollowsOnlyTheOverridesItsReceiversTypeCanRun() => VerifyAsync("""
        public abstract class Channel
        {
            public abstract void Deliver(string phone, string text);
        }
        public sealed class SmsChannel : Channel
        {
            public override void Deliver(string phone, string text) =>
                MessageResource.Create(to: new PhoneNumber(phone), from: new PhoneNumber("+15550100"), body: text);
        }
        public sealed class AuditChannel : Channel
        {
            public override void Deliver(string phone, string text) => System.Console.WriteLine(phone.Length + text.Length);
        }
        public sealed class Reminders
        {
            public void Remind(Patient p, Channel any, SmsChannel sms, AuditChannel audit)
            {
                any.Deliver(p.Phone, {|#0:p.Diagnosis|});
                sms.Deliver(p.Phone, {|#1:p.Diagnosis|});
                audit.Deliver(p.Phone, p.Diagnosis);
            }
        }
        """,
        Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis).WithMessage(
            "'Patient.Diagnosis' (PHI) reaches the SMS body of 'MessageResource.Create' via 'SmsChannel.Deliver'. Send it through an [ApprovedChannel] method or type, or remove the PHI from the message."),
        Expect.Body(1, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task HelperReturningPhi_ReportedWhereItsResultReachesTheSink() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:Texts.Results(p)|});
                MessageResource.Create(to: new PhoneNumber(p.Phone), body: Texts.Greeting(p));
                MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#1:Texts.Echo(p.LastName)|});
                MessageResource.Create(to: new PhoneNumber(p.Phone), body: Texts.Echo("Hello"));
            }
        }
        public static class Texts
        {
            public static string Results(Patient p) => $"Your diagnosis: {p.Diagnosis}";
            public static string Greeting(Patient p) => $"Hi {p.FirstName}";
            public static string Echo(string s) => s.ToUpperInvariant();
        }
        """,
        Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis),
        Expect.Body(1, "Patient.LastName", ClinicModel.LastName));

    [Fact]
    public Task ChainOfHelpers_WithinDepth_ReportedAtOutermostCallSite() => VerifyAsync("""
        public sealed class Reminders
        {
            public Task Remind(Patient p) => new Notifications().NotifyAsync(p.Phone, {|#0:p.Diagnosis|});
        }
        public sealed class Notifications
        {
            public Task NotifyAsync(string to, string text) => Dispatch(to, "Update: " + text);
            private Task Dispatch(string to, string text) => MessageResource.CreateAsync(to: new PhoneNumber(to), body: text);
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task HelperBehindInterface_FollowedToItsImplementation() => VerifyAsync("""
        public interface ISmsSender { Task SendAsync(string to, string text); }
        public sealed class TwilioSmsSender : ISmsSender
        {
            public Task SendAsync(string to, string text) => MessageResource.CreateAsync(to: new PhoneNumber(to), body: text);
        }
        public sealed class Reminders
        {
            private readonly ISmsSender _sms;
            public Reminders(ISmsSender sms) { _sms = sms; }
            public Task Remind(Patient p) => _sms.SendAsync(p.Phone, {|#0:$"Dx: {p.Diagnosis}"|});
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task HelperThatSanitizes_DoesNotTrigger() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p) => Sms.SendMasked(p.Phone, p.LastName);
        }
        public static class Sms
        {
            public static void SendMasked(string to, string name) =>
                MessageResource.Create(to: new PhoneNumber(to), body: $"Hi {Masking.Initials(name)}, please call us.");
        }
        """);

    [Fact]
    public Task HelperInApprovedChannel_CallSiteNotReported() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p) => SecureSms.Send(p.Phone, $"Dx: {p.Diagnosis}");
        }
        public static class SecureSms
        {
            [ApprovedChannel("secure-sms")]
            public static void Send(string to, string text) => MessageResource.Create(to: new PhoneNumber(to), body: text);
        }
        """);

    [Fact]
    public Task ApprovedCaller_OfGenericHelper_NotReported() => VerifyAsync("""
        public sealed class Results
        {
            [ApprovedChannel("secure-sms")]
            public void Notify(Patient p) => Sms.Send(p.Phone, $"Dx: {p.Diagnosis}");
        }
        public static class Sms
        {
            public static void Send(string to, string text) => MessageResource.Create(to: new PhoneNumber(to), body: text);
        }
        """);

    [Fact]
    public Task RecursiveHelpers_AreBoundedAndStillReported() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p) => Sms.Send(p.Phone, {|#0:p.Diagnosis|}, 3);
        }
        public static class Sms
        {
            public static void Send(string to, string text, int retries)
            {
                if (retries > 0) { Send(to, text, retries - 1); return; }
                MessageResource.Create(to: new PhoneNumber(to), body: text);
            }
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task LocalFunctionWithParameter_ReportedAtItsCallSite() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                Deliver({|#0:p.Diagnosis|});
                Deliver("See you soon");

                void Deliver(string text) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: text);
            }
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task LocalFunctionReadingCapturedPhi_ReportedAtTheSink() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                var detail = p.Diagnosis;
                Deliver();

                void Deliver() => MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:detail|});
            }
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task InstanceHelperStoringTextInField_IsFollowed() => VerifyAsync("""
        public sealed class SmsDraft
        {
            private string _text = "";
            public void Set(string text) { _text = text; }
            public void SetAndSend(string to, string text) { _text = text; MessageResource.Create(to: new PhoneNumber(to), body: _text); }
        }
        public sealed class Reminders
        {
            public void Remind(Patient p) => new SmsDraft().SetAndSend(p.Phone, {|#0:p.Diagnosis|});
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    // The send index reads names from the source text; an identifier spelled with a Unicode escape, or with letters
    // outside ASCII, must still make its helper hot.
    [Fact]
    public Task HelperNamesSpelledWithUnicodeEscapes_AreFollowed() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p) => Sms.Sen\u0064(p.Phone, {|#0:p.Diagnosis|});
        }
        public static class Sms
        {
            public static void Send(string to, string text) => MessageResource.Cr\u0065ate(to: new PhoneNumber(to), body: text);
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task HelperWithNonAsciiName_IsFollowed() => VerifyAsync("""
        public sealed class Erinnerungen
        {
            public void Erinnern(Patient p) => Nachrichten.Übermitteln(p.Phone, {|#0:p.Diagnosis|});
        }
        public static class Nachrichten
        {
            public static void Übermitteln(string an, string text) => MessageResource.Create(to: new PhoneNumber(an), body: text);
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    // The index reads long bodies in pieces; a name after the first piece, or spelled with an escape there, counts.
    [Fact]
    public Task HelpersInBodiesLongerThanTheIndexReadsAtOnce_AreFollowed() => VerifyAsync($$"""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
        {{Filler(1500)}}
                Sms.Send(p.Phone, {|#0:p.Diagnosis|});
                Sms.Sen\u0064(p.Phone, {|#1:p.LastName|});
            }
        }
        public static class Sms
        {
            public static void Send(string to, string text)
            {
        {{Filler(1500)}}
                MessageResource.Create(to: new PhoneNumber(to), body: text);
            }
        }
        """,
        Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis),
        Expect.Body(1, "Patient.LastName", ClinicModel.LastName));

    /// <summary>Statements that name nothing the analyzer knows: about 25 characters each.</summary>
    private static string Filler(int statements) =>
        string.Join("\n", Enumerable.Range(0, statements).Select(i => $"        var filler{i} = {i} + 1;"));
}
