using System.Text.RegularExpressions;
using HipaaDev.Analyzers.Rules;
using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using VerifyFlow = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.Rules.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Sinks;

/// <summary>
/// Every sink of every SDK, reached by PHI: real assemblies for System.Net.Mail, MailKit/MimeKit, SendGrid, Twilio
/// and Microsoft Graph; stand-ins with the real names for AWS, Azure Communication Services, Vonage and FluentEmail.
/// The rule expected at each sink is marked in <see cref="SinkSamples"/>; each diagnostic must also name the
/// patient member the marked value reads, and point at its declaration.
/// </summary>
public sealed partial class SinkTests
{
    [Fact]
    public Task SystemNetMail_EverySinkReportsPhi() => VerifySample(SinkSamples.SystemNetMail);

    [Fact]
    public Task MimeKit_EverySinkReportsPhi() => VerifySample(SinkSamples.MimeKit);

    [Fact]
    public Task SendGrid_EverySinkReportsPhi() => VerifySample(SinkSamples.SendGrid);

    [Fact]
    public Task Twilio_MessagesAndConversations_EverySinkReportsPhi() => VerifySample(SinkSamples.Twilio);

    [Fact]
    public Task MicrosoftGraph_SubjectAndItemBodyReportPhi() => VerifySample(SinkSamples.MicrosoftGraph, standIns: false);

    [Fact]
    public Task AwsSnsAndSes_EverySinkReportsPhi() => VerifySample(SinkSamples.Aws);

    [Fact]
    public Task AzureCommunicationServices_EverySinkReportsPhi() => VerifySample(SinkSamples.Azure);

    [Fact]
    public Task Vonage_SmsAndMessages_EverySinkReportsPhi() => VerifySample(SinkSamples.Vonage);

    [Fact]
    public Task FluentEmail_EverySinkReportsPhi() => VerifySample(SinkSamples.FluentEmail);

    internal static string[] SourcesFor(string sample, bool standIns = true) =>
        standIns
            ? new[] { sample, SinkSamples.Patient, StandIns.Aws, StandIns.Azure, StandIns.Vonage, StandIns.FluentEmail }
            : new[] { sample, SinkSamples.Patient };

    private static Task VerifySample(string sample, bool standIns = true)
    {
        var (marked, expected) = RuleMarkup.Expand(sample, firstKey: 0, ExpectedAt);
        return VerifyFlow.AnalyzerAsync(SourcesFor(marked, standIns), editorConfig: null, expected);
    }

    /// <summary>The marked value reads p.Name or p.Diagnosis (that member is the source) or passes p itself (the patient is).</summary>
    private static DiagnosticResult ExpectedAt(RuleMarker marker)
    {
        var members = PatientMember().Matches(marker.Text).Select(match => match.Groups[1].Value).Distinct().ToList();
        var (source, declaredAt) = members switch
        {
            ["Name"] => ("Patient.Name", SinkSamples.NameDeclaration),
            ["Diagnosis"] => ("Patient.Diagnosis", (int?)SinkSamples.DiagnosisDeclaration),

            // The patient passed whole, bare or inside a collection, is named by its type and points at its declaration.
            [] when marker.Text == "p" || WholePatient().IsMatch(marker.Text) => ("Patient", (int?)SinkSamples.PatientDeclaration),
            _ => throw new ArgumentException($"Sample marker '{marker.Text}' should read exactly one PHI member of the patient, or pass the patient."),
        };

        return (marker.RuleId, declaredAt) switch
        {
            (PhiInMessageBody.Id, { } at) => Expect.Body(marker.Key, source, at),
            (PhiInSubject.Id, { } at) => Expect.Subject(marker.Key, source, at),
            (PhiObjectInTemplate.Id, { } at) => Expect.Template(marker.Key, source, at),
            (PhiObjectInTemplate.Id, null) => Expect.Template(marker.Key, source),
            _ => throw new ArgumentException($"Sample marker '{marker.Text}' names {marker.RuleId}, which is not a flow rule."),
        };
    }

    [GeneratedRegex(@"\bp\.(Name|Diagnosis)\b")]
    private static partial Regex PatientMember();

    [GeneratedRegex(@"\bp\b")]
    private static partial Regex WholePatient();
}
