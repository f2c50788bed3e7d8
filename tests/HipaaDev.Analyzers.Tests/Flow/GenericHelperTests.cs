using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using VerifyFlow = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.Rules.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Flow;

/// <summary>
/// Generic helpers are judged with the caller's type argument, and delegates kept in fields are followed to their
/// bodies: what is reported depends on what the call really passes or runs.
/// </summary>
public sealed class GenericHelperTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using FluentEmail.Core;
        using HipaaDev.Annotations;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyFlow.AnalyzerAsync(
            new[] { Usings + "\nnamespace Clinic\n{\n" + source + "\n}\n", ClinicModel.Source, StandIns.FluentEmail }, editorConfig: null, expected);

    [Fact]
    public Task GenericTemplateHelper_ReportsTheCallerThatPassesAWholePatient() => VerifyAsync("""
        public sealed class ReminderModel { public string FirstName { get; set; } = ""; }

        public sealed class TemplateMailer
        {
            private readonly IFluentEmail _email;
            public TemplateMailer(IFluentEmail email) => _email = email;

            public Task Render<TModel>(string to, string template, TModel model) =>
                _email.To(to).Subject("A message from the clinic").UsingTemplateFromFile(template, model).SendAsync();
        }

        public sealed class Reminders
        {
            private readonly TemplateMailer _mailer;
            public Reminders(TemplateMailer mailer) => _mailer = mailer;

            public Task SendLeaky(Patient patient) => _mailer.Render(patient.Email, "Reminder.cshtml", {|#0:patient|});

            public Task SendMinimal(Patient patient) =>
                _mailer.Render(patient.Email, "Reminder.cshtml", new ReminderModel { FirstName = patient.FirstName });
        }
        """, Expect.Template(0).WithArguments("Patient", "IFluentEmail.UsingTemplateFromFile' via 'TemplateMailer.Render"));

    [Fact]
    public Task GenericTextHelper_FollowsTheCallersArgument() => VerifyAsync("""
        public sealed class Texter
        {
            public void Send<T>(string phone, T content) =>
                MessageResource.Create(to: new PhoneNumber(phone), body: content?.ToString());
        }

        public sealed class Results
        {
            public void Notify(Texter texter, Patient patient)
            {
                texter.Send(patient.Phone, {|#0:patient.Diagnosis|});
                texter.Send(patient.Phone, patient.FirstName);
                texter.Send(patient.Phone, 42);
            }
        }
        """, Expect.Body(0).WithArguments("Patient.Diagnosis", "SMS body", "MessageResource.Create' via 'Texter.Send"));

    [Fact]
    public Task DelegateKeptInAField_IsFollowedToItsBody() => VerifyAsync("""
        public sealed class ResultTexts
        {
            private readonly Func<Patient, string> _format = p => $"Your result for {p.Diagnosis} is in.";
            private readonly Func<Patient, string> _greeting = p => $"Hello {p.FirstName}, your result is in the portal.";

            public void Send(Patient patient)
            {
                MessageResource.Create(to: new PhoneNumber(patient.Phone), body: {|#0:_format(patient)|});
                MessageResource.Create(to: new PhoneNumber(patient.Phone), body: _greeting(patient));
            }
        }
        """, Expect.Body(0).WithArguments("Patient.Diagnosis", "SMS body", "MessageResource.Create"));

    [Fact]
    public Task DelegateAssignedInTheConstructor_IsFollowedToItsBody() => VerifyAsync("""
        public sealed class ResultTexts
        {
            private readonly Func<Patient, string> _format;
            private readonly Func<Patient, string> _greeting;

            public ResultTexts()
            {
                _format = Describe;
                _greeting = p => "Your result is in the portal.";
            }

            private static string Describe(Patient p) => $"Your result for {p.Diagnosis} is in.";

            public void Send(Patient patient)
            {
                MessageResource.Create(to: new PhoneNumber(patient.Phone), body: {|#0:_format.Invoke(patient)|});
                MessageResource.Create(to: new PhoneNumber(patient.Phone), body: _greeting(patient));
            }
        }
        """, Expect.Body(0).WithArguments("Patient.Diagnosis", "SMS body", "MessageResource.Create"));
}
