using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using VerifyFlow = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.Rules.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Rules;

/// <summary>HIPAA004: an object carrying PHI is passed whole to a template or model sink.</summary>
public sealed class PhiObjectInTemplateTests
{
    private static string Sender(string members) => $$"""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using FluentEmail.Core;
        using HipaaDev.Annotations;
        using SendGrid.Helpers.Mail;
        namespace Clinic
        {
            public sealed class ReminderModel { public string FirstName { get; set; } = ""; public System.DateTime Start { get; set; } }
            public sealed class Sender
            {
        {{members}}
            }
        }
        """;

    // A whole object passed as a model is named by the PHI-carrying type it holds (a List<Patient> is 'Patient') and
    // points at that type's declaration.
    private static Task VerifyAsync(string members, params DiagnosticResult[] expected) =>
        VerifyFlow.AnalyzerAsync(new[] { Sender(members), ClinicModel.Source, StandIns.FluentEmail }, editorConfig: null, expected);

    [Fact]
    public Task TemplateData_WholePatientWithPhiMembers_Triggers() => VerifyAsync("""
        public void Send(Patient p, SendGridMessage message) => message.SetTemplateData({|#0:p|});
        """, Expect.Template(0, "Patient", ClinicModel.Patient));

    [Fact]
    public Task TemplateData_AnonymousObjectWithPhiMember_Triggers() => VerifyAsync("""
        public void Send(Patient p, SendGridMessage message) => message.SetTemplateData({|#0:new { name = p.LastName, when = "Tuesday" }|});
        """, Expect.Template(0, "Patient.LastName", ClinicModel.LastName));

    [Fact]
    public Task TemplateData_ModelWithOnlyNeededCleanFields_DoesNotTrigger() => VerifyAsync("""
        public void Send(Patient p, SendGridMessage message)
        {
            message.SetTemplateData(new ReminderModel { FirstName = p.FirstName, Start = System.DateTime.Today });
            message.SetTemplateData(new { firstName = p.FirstName });
        }
        """);

    [Fact]
    public Task TemplateData_ListOfPatients_Triggers() => VerifyAsync("""
        public void Send(List<Patient> patients, SendGridMessage message) => message.SetTemplateData({|#0:patients|});
        """, Expect.Template(0, "Patient", ClinicModel.Patient));

    [Fact]
    public Task FluentEmailUsingTemplate_WithPatientModel_Triggers() => VerifyAsync("""
        public Task Send(Patient p, IFluentEmail email) =>
            email.To(p.Email).Subject("Your visit").UsingTemplateFromFile("Reminder.cshtml", {|#0:p|}).SendAsync();
        """, Expect.Template(0, "Patient", ClinicModel.Patient));

    [Fact]
    public Task FluentEmailUsingTemplate_InApprovedChannel_DoesNotTrigger() => VerifyAsync("""
        [ApprovedChannel("secure-email")]
        public Task Send(Patient p, IFluentEmail email) =>
            email.To(p.Email).Subject("Your visit").UsingTemplateFromFile("Reminder.cshtml", p).SendAsync();
        """);

    [Fact]
    public Task TwilioContentVariables_WithPhi_Triggers() => VerifyAsync("""
        public void Send(Patient p) =>
            Twilio.Rest.Api.V2010.Account.MessageResource.Create(
                to: new Twilio.Types.PhoneNumber(p.Phone), contentSid: "HX00",
                contentVariables: {|#0:System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["1"] = p.Diagnosis })|});
        """, Expect.Template(0, "Patient.Diagnosis", ClinicModel.Diagnosis));
}
