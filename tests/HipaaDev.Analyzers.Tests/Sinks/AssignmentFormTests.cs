using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using VerifyFlow = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.Rules.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Sinks;

/// <summary>
/// A sink reached by assignment rather than by a call or an initializer: a property set after construction, a
/// compound or null-coalescing assignment, a tuple assignment, an indexer on a content dictionary, a collection
/// initializer. Teams write all of these, and each must report like the method form it stands for.
/// </summary>
public sealed class AssignmentFormTests
{
    private static Task VerifyAsync(string body, params DiagnosticResult[] expected) =>
        VerifyFlow.AnalyzerAsync(SinkTests.SourcesFor($$"""
            using System.Collections.Generic;
            using System.Net.Mail;
            using SendGrid.Helpers.Mail;
            using Twilio.Types;
            namespace Clinic
            {
                public sealed class Sender
                {
                    public void Send(Patient p, FluentEmail.Core.IFluentEmail email)
                    {
            {{body}}
                    }
                }
            }
            """), editorConfig: null, expected);

    private static DiagnosticResult Body(int at) => Expect.Body(at, "Patient.Diagnosis", SinkSamples.DiagnosisDeclaration);

    private static DiagnosticResult Subject(int at) => Expect.Subject(at, "Patient.Name", SinkSamples.NameDeclaration);

    [Fact]
    public Task PropertiesSetAfterConstruction_Report() => VerifyAsync("""
        var mail = new MailMessage();
        mail.Subject = {|#0:p.Name|};
        mail.Body = {|#1:p.Diagnosis|};
        var options = new Twilio.Rest.Api.V2010.Account.CreateMessageOptions(new PhoneNumber(p.Phone));
        options.Body = {|#2:p.Diagnosis|};
        var personalization = new Personalization();
        personalization.TemplateData = {|#3:p|};
        email.Data.PlaintextAlternativeBody = {|#4:p.Diagnosis|};
        """,
        Subject(0), Body(1), Body(2), Expect.Template(3, "Patient", SinkSamples.PatientDeclaration), Body(4));

    [Fact]
    public Task CompoundNullCoalescingAndTupleAssignments_Report() => VerifyAsync("""
        var mail = new MailMessage { Body = "Hello. " };
        mail.Body += {|#0:p.Diagnosis|};
        var message = new SendGridMessage();
        message.PlainTextContent ??= {|#1:p.Diagnosis|};
        (message.Subject, message.HtmlContent) = ({|#2:p.Name|}, {|#3:p.Diagnosis|});
        """,
        Body(0), Body(1), Subject(2), Body(3));

    // A dictionary built whole in an initializer is reported where it is assigned, as with AddSubstitutions(dictionary).
    [Fact]
    public Task ContentDictionaries_FilledByIndexerOrCollectionInitializer_Report() => VerifyAsync("""
        var personalization = new Personalization { Substitutions = new Dictionary<string, string>() };
        personalization.Substitutions["-dx-"] = {|#0:p.Diagnosis|};
        var other = new Personalization { Substitutions = {|#1:new Dictionary<string, string> { ["-dx-"] = p.Diagnosis }|} };
        """,
        Body(0), Body(1));

    [Fact]
    public Task NeutralValuesAssigned_DoNotReport() => VerifyAsync("""
        var mail = new MailMessage();
        mail.Subject = "Your visit";
        mail.Body = $"Hello {p.Email}, your results are in the portal.";
        mail.Body += " Sign in to read them.";
        var personalization = new Personalization { Substitutions = new Dictionary<string, string>() };
        personalization.Substitutions["-when-"] = "Tuesday";
        """);
}
