using System.Reflection;
using HipaaDev.Analyzers.Knowledge;
using HipaaDev.Analyzers.Tests.Infrastructure;

namespace HipaaDev.Analyzers.Tests.Adoption;

/// <summary>Built-in PHI knowledge of Firely's FHIR models, against the real Hl7.Fhir.R4 package.</summary>
public sealed class FhirModelTests
{
    private static string Sender(string parameters, string body) => $$"""
        using System.Linq;
        using Hl7.Fhir.Model;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        public static class Texts
        {
            public static void Send({{parameters}}) =>
                MessageResource.Create(to: new PhoneNumber("+15550111"), from: new PhoneNumber("+15550100"), body: {{body}});
        }
        """;

    // The models are metadata: the diagnostic names the member read, and has no additional location.
    [Theory]
    [InlineData("Patient patient", "$\"Hi {patient.Name.First().Given.First()}\"", "Patient.Name")]
    [InlineData("Patient patient", "patient.BirthDate", "Patient.BirthDate")]
    [InlineData("Patient patient", "patient.Text.Div", "DomainResource.Text")]
    [InlineData("Observation observation", "$\"Your result: {observation.Value}\"", "Observation.Value")]
    [InlineData("Condition condition", "condition.Code.Text", "Condition.Code")]
    [InlineData("MedicationRequest request", "request.DosageInstruction.First().Text", "MedicationRequest.DosageInstruction")]
    [InlineData("Appointment appointment", "$\"See you {appointment.Start}\"", "Appointment.Start")]
    [InlineData("Claim claim", "claim.Total.Value.ToString()", "Claim.Total")]
    public async Task PatientLevelResourceMembers_InSmsBody_Trigger(string parameters, string body, string source)
    {
        await new AnalyzerTest(Sender(parameters, "{|#0:" + body + "|}"))
            .Expecting(Expect.Body(0, source))
            .RunAsync();
    }

    [Fact]
    public async Task WholePatientAsText_NamesThePatientParameter()
    {
        await new AnalyzerTest(Sender("Patient {|#1:patient|}", "{|#0:patient.ToString()|}"))
            .Expecting(Expect.Body(0, "patient", 1))
            .RunAsync();
    }

    [Theory]
    [InlineData("Organization organization", "$\"{organization.Name} is open until 6 pm\"")]
    [InlineData("Location location", "location.Address.City")]
    [InlineData("Practitioner practitioner", "$\"Dr. {practitioner.Name.First().Family} will see you\"")]
    [InlineData("HealthcareService service", "service.Name")]
    [InlineData("Medication medication", "medication.Code.Text")]
    [InlineData("Patient patient", "$\"Reference {patient.Id}, updated {patient.Meta.LastUpdated}\"")]
    public async Task OrganisationLevelResourcesAndTechnicalMembers_DoNotTrigger(string parameters, string body)
    {
        await new AnalyzerTest(Sender(parameters, body)).RunAsync();
    }

    [Fact]
    public async Task WholePatient_AsSendGridTemplateData_Triggers()
    {
        const string source = """
            using Hl7.Fhir.Model;
            using SendGrid.Helpers.Mail;
            public static class Mails
            {
                public static void Build(SendGridMessage message, Patient {|#1:patient|}) => message.SetTemplateData({|#0:patient|});
            }
            """;

        await new AnalyzerTest(source).Expecting(Expect.Template(0, "patient", 1)).RunAsync();
    }

    [Fact]
    public void EveryConcreteR4Resource_IsClassifiedExactlyOnce()
    {
        var domainResource = typeof(Hl7.Fhir.Model.DomainResource);
        var resources = typeof(Hl7.Fhir.Model.Patient).Assembly.GetTypes()
            .Where(type => type.IsClass && !type.IsAbstract && type.Namespace == FhirModelSource.ModelNamespace && domainResource.IsAssignableFrom(type))
            .Select(type => type.Name)
            .ToList();

        Assert.Contains("Patient", resources);
        var unclassified = resources.Where(name => !FhirModelSource.PatientLevelResources.Contains(name) && !FhirModelSource.NotPatientLevelResources.Contains(name));
        var both = resources.Where(name => FhirModelSource.PatientLevelResources.Contains(name) && FhirModelSource.NotPatientLevelResources.Contains(name));
        Assert.Empty(unclassified);
        Assert.Empty(both);
    }

    [Fact]
    public void ContentMembersOfEveryResource_AreDeclaredOnDomainResource()
    {
        foreach (var name in FhirModelSource.ContentMembersOfEveryResource)
        {
            var property = typeof(Hl7.Fhir.Model.DomainResource).GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            Assert.True(property is not null, $"DomainResource.{name} is not declared in the referenced Firely SDK.");
        }
    }
}
