using HipaaDev.Analyzers.Tests.Infrastructure;
using HipaaDev.Analyzers.Tests.Rules;
using Microsoft.CodeAnalysis.Testing;
using VerifyFlow = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.Rules.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Harness;

/// <summary>
/// The harness itself: an expectation that names the wrong PHI source, the wrong declaration or no declaration fails,
/// so a flow test that passes has checked the source its diagnostic names.
/// </summary>
public sealed class ExpectTests
{
    private const string Sender = """
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic
        {
            public sealed class Sender
            {
                public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:"Dx: " + p.Diagnosis|});
            }
        }
        """;

    private static Task VerifyAsync(DiagnosticResult expected) =>
        VerifyFlow.AnalyzerAsync(new[] { Sender, ClinicModel.Source }, editorConfig: null, expected);

    [Fact]
    public Task NamedSourceAndItsDeclaration_Pass() =>
        VerifyAsync(Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public async Task WrongSourceName_Fails()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => VerifyAsync(Expect.Body(0, "Patient.LastName", ClinicModel.Diagnosis)));

        Assert.Contains("should name the PHI source 'Patient.LastName'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Patient.Diagnosis' (PHI) reaches", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSourceDeclaration_Fails()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => VerifyAsync(Expect.Body(0, "Patient.Diagnosis", ClinicModel.LastName)));
    }

    [Fact]
    public async Task SourceStatedAsMetadata_WhenItIsDeclaredInSource_Fails()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => VerifyAsync(Expect.Body(0, "Patient.Diagnosis")));

        Assert.Contains("additional locations", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongRule_Fails()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => VerifyAsync(Expect.Subject(0, "Patient.Diagnosis", ClinicModel.Diagnosis)));
    }

    [Fact]
    public async Task StatedMessage_IsStillComparedWhole()
    {
        await VerifyAsync(Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis).WithArguments("Patient.Diagnosis", "SMS body", "MessageResource.Create"));
        await Assert.ThrowsAnyAsync<Exception>(() =>
            VerifyAsync(Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis).WithMessage("'Patient.Diagnosis' (PHI) reaches the email body.")));
    }
}
