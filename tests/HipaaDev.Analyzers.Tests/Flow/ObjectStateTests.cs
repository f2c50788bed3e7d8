using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using VerifyFlow = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.Rules.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Flow;

/// <summary>
/// PHI that travels through object state: fields and properties written in one method and read in another that sends,
/// fluent builders that keep the body in a field, queues filled in one method and drained in another, helpers that
/// write PHI into a builder or list they are given, and loops over PHI collections.
/// </summary>
public sealed class ObjectStateTests
{
    private const string Usings = """
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.IO;
        using System.Text;
        using HipaaDev.Annotations;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        """;

    private static DiagnosticResult Body(int at, string source, string sink = "MessageResource.Create") =>
        Expect.Body(at).WithArguments(source, "SMS body", sink);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyFlow.AnalyzerAsync(new[] { Usings + "\nnamespace Clinic\n{\n" + source + "\n}\n", ClinicModel.Source }, editorConfig: null, expected);

    [Fact]
    public Task FieldWrittenWithPhiInOneMethod_ReadWhereAnotherMethodSends() => VerifyAsync("""
        public sealed class ResultNotifier
        {
            private readonly IPatientRepository _patients;
            private string _text = "";
            private string _phone = "";

            public ResultNotifier(IPatientRepository patients) => _patients = patients;

            public void Prepare(int id)
            {
                var patient = _patients.Find(id);
                _phone = patient.Phone;
                _text = $"Your result: {patient.Diagnosis}";
            }

            public void Send()
            {
                MessageResource.Create(to: new PhoneNumber(_phone), body: {|#0:_text|});
                MessageResource.Create(to: new PhoneNumber(_phone), body: "Your result is ready in the portal.");
            }
        }
        """, Body(0, "Patient.Diagnosis"));

    [Fact]
    public Task FieldHoldingOnlyNeutralText_IsNotReported() => VerifyAsync("""
        public sealed class Greeter
        {
            private string _text = "";
            private readonly string _phone;

            public Greeter(Patient patient)
            {
                _phone = patient.Phone;
                _text = $"Hello {patient.FirstName}, see you soon.";
            }

            public void Send() => MessageResource.Create(to: new PhoneNumber(_phone), body: _text);
        }
        """);

    [Fact]
    public Task FluentBuilder_KeepsTheBodyInAField_ReportedWhereTheBuilderSends() => VerifyAsync("""
        public sealed class SmsBuilder
        {
            private string _to = "";
            private string _body = "";

            public SmsBuilder To(string phone) { _to = phone; return this; }

            public SmsBuilder WithBody(string body) { _body = body; return this; }

            public void Send() => MessageResource.Create(to: new PhoneNumber(_to), body: _body);
        }

        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                {|#0:new SmsBuilder().To(p.Phone).WithBody($"Dx: {p.Diagnosis}")|}.Send();
                new SmsBuilder().To(p.Phone).WithBody("Your appointment is tomorrow.").Send();

                var builder = new SmsBuilder();
                builder.WithBody(p.LastName);
                {|#1:builder|}.Send();
            }
        }
        """,
        Body(0, "Patient.Diagnosis", "MessageResource.Create' via 'SmsBuilder.Send"),
        Body(1, "Patient.LastName", "MessageResource.Create' via 'SmsBuilder.Send"));

    [Fact]
    public Task QueueFilledInOneMethod_DrainedByABackgroundJob() => VerifyAsync("""
        public sealed class OutboxJob
        {
            private readonly ConcurrentQueue<string> _pending = new ConcurrentQueue<string>();
            private readonly List<string> _greetings = new List<string>();

            public void Enqueue(Patient p)
            {
                _pending.Enqueue($"Lab follow-up: {p.Diagnosis}");
                _greetings.Add($"Hi {p.FirstName}");
            }

            public void Run(string phone)
            {
                while (_pending.TryDequeue(out var text))
                {
                    MessageResource.Create(to: new PhoneNumber(phone), body: {|#0:text|});
                }

                foreach (var greeting in _greetings)
                {
                    MessageResource.Create(to: new PhoneNumber(phone), body: greeting);
                }
            }
        }
        """, Body(0, "Patient.Diagnosis"));

    [Fact]
    public Task StaticFieldWrittenWithPhi_ReadWhereAnotherMethodSends() => VerifyAsync("""
        public static class LastMessage
        {
            private static string s_text = "";

            public static void Remember(Patient p) => s_text = p.Diagnosis;

            public static void Resend(string phone) => MessageResource.Create(to: new PhoneNumber(phone), body: {|#0:s_text|});
        }
        """, Body(0, "Patient.Diagnosis"));

    [Fact]
    public Task HelperWritingPhiIntoTheBuilderItIsGiven_TaintsTheCallersBuilder() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                var text = new StringBuilder("Reminder. ");
                AppendDetails(text, p);
                MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:text.ToString()|});

                var neutral = new StringBuilder();
                AppendGreeting(neutral, p);
                MessageResource.Create(to: new PhoneNumber(p.Phone), body: neutral.ToString());

                var lines = new List<string>();
                AddLines(lines, p);
                MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#1:string.Join("\n", lines)|});

                var writer = new StringWriter();
                WriteSummary(writer, p);
                MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#2:writer.ToString()|});
            }

            private static void AppendDetails(StringBuilder builder, Patient p) => builder.Append("Reason: ").Append(p.Diagnosis);

            private static void AppendGreeting(StringBuilder builder, Patient p) => builder.Append("Hello ").Append(p.FirstName);

            private static void AddLines(List<string> lines, Patient p)
            {
                lines.Add("Clinic: Main Street");
                lines.Add(p.LastName);
            }

            private static void WriteSummary(TextWriter writer, Patient p) => writer.Write(p.Diagnosis);
        }
        """,
        Body(0, "Patient.Diagnosis"),
        Body(1, "Patient.LastName"),
        Body(2, "Patient.Diagnosis"));

    [Fact]
    public Task ForeachOverPhiCollections_IntoABuilder() => VerifyAsync("""
        public sealed class Summaries
        {
            public void Send(string phone, List<LabResult> results, [Phi] string[] notes, IEnumerable<Patient> patients)
            {
                var builder = new StringBuilder();
                foreach (var result in results)
                {
                    builder.AppendLine($"{result.TestName}: {result.Value}");
                }

                MessageResource.Create(to: new PhoneNumber(phone), body: {|#0:builder.ToString()|});

                var all = new StringBuilder();
                foreach (var note in notes)
                {
                    all.Append(note);
                }

                MessageResource.Create(to: new PhoneNumber(phone), body: {|#1:all.ToString()|});

                var names = new StringBuilder();
                foreach (var patient in patients)
                {
                    names.Append(patient.FirstName);
                }

                MessageResource.Create(to: new PhoneNumber(phone), body: names.ToString());
            }
        }
        """,
        Body(0, "LabResult.TestName"),
        Body(1, "notes"));

    [Fact]
    public Task PropertySetOnAnInjectedService_ThenSent() => VerifyAsync("""
        public sealed class MessageDraft
        {
            public string Phone { get; set; } = "";
            public string Text { get; set; } = "";
            public string Footer { get; set; } = "Reply STOP to opt out.";

            public void Send() => MessageResource.Create(to: new PhoneNumber(Phone), body: Text + Footer);
        }

        public sealed class Reminders
        {
            public void Remind(Patient p, MessageDraft draft)
            {
                draft.Phone = p.Phone;
                draft.Text = p.Diagnosis;
                {|#0:draft|}.Send();
            }

            public void Greet(Patient p, MessageDraft draft)
            {
                draft.Phone = p.Phone;
                draft.Text = "Welcome to the clinic.";
                draft.Send();
            }
        }
        """, Body(0, "Patient.Diagnosis", "MessageResource.Create' via 'MessageDraft.Send"));
}
