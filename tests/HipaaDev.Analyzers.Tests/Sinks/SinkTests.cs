using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using VerifyFlow = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Sinks;

/// <summary>
/// Every sink of every SDK, reached by PHI: real assemblies for System.Net.Mail, MailKit/MimeKit, SendGrid, Twilio
/// and Microsoft Graph; stand-ins with the real names for AWS, Azure Communication Services, Vonage and FluentEmail.
/// </summary>
public sealed class SinkTests
{
    // B = body (HIPAA001), S = subject (HIPAA002), T = template data (HIPAA004), in markup order #0, #1, ...
    [Fact]
    public Task SystemNetMail_EverySinkReportsPhi() => VerifySample(SinkSamples.SystemNetMail, "SBSBBBBSBSBSB");

    [Fact]
    public Task MimeKit_EverySinkReportsPhi() => VerifySample(SinkSamples.MimeKit, "SBBBBBSS");

    [Fact]
    public Task SendGrid_EverySinkReportsPhi() => VerifySample(SinkSamples.SendGrid, "SBBSBSBBSBBBSSBBTBBSTBTTTBB");

    [Fact]
    public Task Twilio_MessagesAndConversations_EverySinkReportsPhi() => VerifySample(SinkSamples.Twilio, "BBTBTBSTBBSTBSTBBSTBBBBBBTSTST");

    [Fact]
    public Task MicrosoftGraph_SubjectAndItemBodyReportPhi() => VerifySample(SinkSamples.MicrosoftGraph, "SB", standIns: false);

    [Fact]
    public Task AwsSnsAndSes_EverySinkReportsPhi() => VerifySample(SinkSamples.Aws, "BSBSBSBBSBSSBTSBBTBSBS");

    [Fact]
    public Task AzureCommunicationServices_EverySinkReportsPhi() => VerifySample(SinkSamples.Azure, "BBSBBSBSBBB");

    [Fact]
    public Task Vonage_SmsAndMessages_EverySinkReportsPhi() => VerifySample(SinkSamples.Vonage, "BBBB");

    [Fact]
    public Task FluentEmail_EverySinkReportsPhi() => VerifySample(SinkSamples.FluentEmail, "SBBBTTTBTTTSBB");

    internal static string[] SourcesFor(string sample, bool standIns = true) =>
        standIns
            ? new[] { sample, SinkSamples.Patient, StandIns.Aws, StandIns.Azure, StandIns.Vonage, StandIns.FluentEmail }
            : new[] { sample, SinkSamples.Patient };

    private static Task VerifySample(string sample, string roles, bool standIns = true)
    {
        var expected = roles.Select((role, index) => role switch
        {
            'S' => Expect.Subject(index),
            'T' => Expect.Template(index),
            _ => Expect.Body(index),
        }).ToArray();
        return VerifyFlow.AnalyzerAsync(SourcesFor(sample, standIns), editorConfig: null, expected);
    }
}
