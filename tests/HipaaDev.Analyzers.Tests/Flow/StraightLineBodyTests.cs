using HipaaDev.Analyzers.Flow;
using HipaaDev.Analyzers.Tests.Infrastructure;
using HipaaDev.Analyzers.Tests.Robustness;
using HipaaDev.Analyzers.Tests.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HipaaDev.Analyzers.Tests.Flow;

/// <summary>Runs alone: its test switches every body of the process to control-flow graphs for a while.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GraphSwitchCollection
{
    public const string Name = "Bodies switched to graphs";
}

/// <summary>
/// A method body without control flow is analysed by visiting its statements in order instead of building its
/// control-flow graph (<see cref="FunctionBody"/>). That must never change a diagnostic: the same code, analysed
/// once each way, gives the same findings at the same places with the same messages.
/// </summary>
[Collection(GraphSwitchCollection.Name)]
public sealed class StraightLineBodyTests
{
    // Straight-line senders of the shapes the fast path accepts, beside the sink samples and realistic senders
    // (which mix straight-line bodies with branches, lambdas, initializers and loops).
    private const string StraightLineSenders = """
        using System.Threading.Tasks;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic.Straight
        {
            public sealed class Reminders
            {
                private string _signature = "Clinic";

                public void SendAll(Patient p)
                {
                    Notify(p.Phone, "Visit: " + p.Diagnosis);
                    Notify(p.Phone, "Please arrive early");
                    Notify(p.Phone, $"Hello {Texts.Initials(p.Name)}, update ready");
                    var text = "Result for " + p.Name;
                    text += " is ready";
                    Notify(p.Phone, text);
                    text = "Neutral";
                    Notify(p.Phone, text);
                    Notify(p.Phone, nameof(p.Diagnosis));
                    _signature = p.Name;
                    Notify(p.Phone, _signature);
                }

                public async Task<string> SendAsync(Patient p)
                {
                    var body = Texts.Describe(p);
                    await MessageResource.CreateAsync(to: new PhoneNumber(p.Phone), body: body);
                    return body;
                }

                public string Echo(Patient p) => Texts.Describe(p);

                public void Relay(Patient p) => Notify(p.Phone, Echo(p));

                private static void Notify(string phone, string text) =>
                    MessageResource.Create(to: new PhoneNumber(phone), from: new PhoneNumber("+15550100"), body: text);
            }

            public static class Texts
            {
                public static string Initials(string name) => name.Substring(0, 1);

                public static string Describe(Patient p) => "Dx: " + p.Diagnosis;
            }
        }
        """;

    // Object initializers that only assign members, which the fast path lowers as a graph would: a neutral member
    // of an initialized object stays neutral, a PHI member stays PHI, through a local and through a helper.
    private const string InitializerSenders = """
        using System.Net.Mail;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic.Straight
        {
            public sealed class ReminderDto
            {
                public string Phone { get; set; } = "";
                public string Text { get; set; } = "";
                public string Note = "";
            }

            public sealed class Letters
            {
                private readonly SmtpClient _smtp = new SmtpClient("localhost");

                public void Mail(Patient p)
                {
                    var message = new MailMessage("clinic@example.org", p.Email) { Subject = "Your visit", Body = "Dx: " + p.Diagnosis };
                    _smtp.Send(message);
                    var neutral = new MailMessage { Subject = "Update for " + p.Name, Body = "Please call us" };
                    _smtp.Send(neutral);
                    _smtp.Send(new MailMessage { Body = p.Name, Subject = "Hello" });
                }

                public void Dto(Patient p)
                {
                    var dto = new ReminderDto { Phone = p.Phone, Text = "See you soon", Note = p.Diagnosis };
                    Notify(dto.Phone, dto.Text);
                    Notify(dto.Phone, dto.Note);
                    dto.Text = dto.Note;
                    Notify(dto.Phone, dto.Text);
                    Forward(new ReminderDto { Phone = p.Phone, Text = p.Name });
                    Forward(new ReminderDto { Phone = p.Phone, Note = p.Name });
                }

                private static void Forward(ReminderDto dto) => Notify(dto.Phone, dto.Text);

                private static void Notify(string phone, string text) =>
                    MessageResource.Create(to: new PhoneNumber(phone), from: new PhoneNumber("+15550100"), body: text);
            }
        }
        """;

    [Fact]
    public async Task StraightLineBodies_GiveTheSameDiagnosticsAsTheirGraphs()
    {
        var sources = new[]
        {
            SinkSamples.Patient, SinkSamples.SystemNetMail, SinkSamples.MimeKit, SinkSamples.SendGrid, SinkSamples.Twilio,
            SinkSamples.MicrosoftGraph, SinkSamples.Aws, SinkSamples.Azure, SinkSamples.Vonage, SinkSamples.FluentEmail,
            StandIns.Aws, StandIns.Azure, StandIns.Vonage, StandIns.FluentEmail,
            RealisticSenders.ReminderService, RealisticSenders.ResultsMailer, RealisticSenders.NotificationPipeline,
            StraightLineSenders, InitializerSenders,
        };

        // The corpus has both kinds of body, so the comparison covers the fast path and the graphs beside it.
        var compilation = AnalyzerRunner.Compile(sources);
        var (straight, graphs, initializers) = CountBodies(compilation);
        Assert.True(straight >= 10, $"only {straight} straight-line method bodies in the corpus");
        Assert.True(initializers >= 2, $"only {initializers} straight-line method bodies with object initializers in the corpus");
        Assert.True(graphs >= 10, $"only {graphs} method bodies that need a graph in the corpus");

        var fast = Describe(await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(sources), concurrent: true));
        List<string> slow;
        FunctionBody.AlwaysBuildGraphs = true;
        try
        {
            slow = Describe(await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(sources), concurrent: true));
        }
        finally
        {
            FunctionBody.AlwaysBuildGraphs = false;
        }

        // Findings in the straight-line senders themselves, so an empty or partial comparison cannot pass.
        Assert.Contains(fast, d => d.Contains("Sample17.cs", StringComparison.Ordinal) && d.Contains("'Patient.Diagnosis'", StringComparison.Ordinal));
        Assert.Contains(fast, d => d.Contains("Sample17.cs", StringComparison.Ordinal) && d.Contains("'Patient.Name'", StringComparison.Ordinal));
        Assert.Contains(fast, d => d.Contains("Sample18.cs", StringComparison.Ordinal) && d.Contains("'Patient.Diagnosis'", StringComparison.Ordinal));
        Assert.Contains(fast, d => d.Contains("Sample18.cs", StringComparison.Ordinal) && d.Contains("'Patient.Name'", StringComparison.Ordinal));
        Assert.Equal(slow, fast);
    }

    private static (int Straight, int Graphs, int StraightWithInitializers) CountBodies(Compilation compilation)
    {
        var (straight, graphs, initializers) = (0, 0, 0);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetOperation(method) is { } root && FunctionBody.Of(root, CancellationToken.None) is { } body)
                {
                    _ = body.Graph is null ? straight++ : graphs++;
                    if (body.Graph is null && method.DescendantNodes().OfType<InitializerExpressionSyntax>().Any())
                    {
                        initializers++;
                    }
                }
            }
        }

        return (straight, graphs, initializers);
    }

    /// <summary>Rule, place, message and the PHI declaration it names: everything a user or a SARIF reader sees.</summary>
    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} "
                + string.Join(";", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString())))
            .Order(StringComparer.Ordinal)
            .ToList();
}
