using HipaaDev.Analyzers.Tests.Infrastructure;
using VerifyBody = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Rules;

/// <summary>HIPAA001: PHI reaches the body of an SMS or email outside an approved channel.</summary>
public sealed class PhiInMessageBodyTests
{
    private const string Model = """
        using HipaaDev.Annotations;
        namespace Clinic
        {
            public sealed class Patient
            {
                public int Id { get; set; }
                public string FirstName { get; set; } = "";
                [Phi] public string {|#1:Diagnosis|} { get; set; } = "";
                public string Phone { get; set; } = "";
            }
        }
        """;

    [Fact]
    public async Task TwilioBody_FromPhiPropertyThroughInterpolation_Triggers()
    {
        const string source = """
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;
            namespace Clinic
            {
                public sealed class Reminders
                {
                    public void Send(Patient patient)
                    {
                        var text = $"Hi {patient.FirstName}, about your {patient.Diagnosis} follow-up.";
                        MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: {|#0:text|});
                    }
                }
            }
            """;

        await VerifyBody.AnalyzerAsync(new[] { source, Model }, null,
            Expect.Body(0, source: 1).WithMessage(
                "'Patient.Diagnosis' (PHI) reaches the SMS body of 'MessageResource.Create'. Send it through an [ApprovedChannel] method or type, or remove the PHI from the message."));
    }

    [Fact]
    public async Task TwilioBody_WithOnlyUntaggedMembers_DoesNotTrigger()
    {
        const string source = """
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;
            namespace Clinic
            {
                public sealed class Reminders
                {
                    public void Send(Patient patient)
                    {
                        MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"),
                            body: $"Hi {patient.FirstName}, you have an appointment tomorrow. Reply C to confirm.");
                    }
                }
            }
            """;

        await VerifyBody.AnalyzerAsync(new[] { source, Model }, null);
    }
}
