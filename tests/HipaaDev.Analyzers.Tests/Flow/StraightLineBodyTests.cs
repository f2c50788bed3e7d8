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

    // Constructors (with base and this initializers, block and expression bodies) and using declarations whose
    // disposal can do nothing the analysis follows: this corpus declares no IDisposable of its own.
    private const string ConstructorAndUsingSenders = """
        using System.IO;
        using System.Net.Mail;
        using System.Threading.Tasks;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic.Straight
        {
            public abstract class Outbox
            {
                protected readonly string Pending;

                protected Outbox(string pending)
                {
                    Pending = pending;
                }

                protected void Flush(string phone) =>
                    MessageResource.Create(to: new PhoneNumber(phone), from: new PhoneNumber("+15550100"), body: Pending);
            }

            public sealed class ResultOutbox : Outbox
            {
                private readonly string _phone;
                private string _greeting;

                public ResultOutbox(Patient p) : base("Result: " + p.Diagnosis)
                {
                    _phone = p.Phone;
                    _greeting = "Hello";
                }

                public ResultOutbox(Patient p, string greeting) : this(p) => _greeting = greeting;

                public void SendGreeting() =>
                    MessageResource.Create(to: new PhoneNumber(_phone), from: new PhoneNumber("+15550100"), body: _greeting);

                public void SendPending() => Flush(_phone);
            }

            public sealed class Mailer
            {
                public void Mail(Patient p)
                {
                    using var smtp = new SmtpClient("localhost");
                    using var message = new MailMessage("clinic@example.org", p.Email) { Subject = "Your results", Body = "Dx: " + p.Diagnosis };
                    smtp.Send(message);
                    using MailMessage neutral = new MailMessage("clinic@example.org", p.Email) { Subject = "Visit", Body = "See you soon" }, spare = new MailMessage();
                    smtp.Send(neutral);
                }

                public async Task<string> Archive(Patient p)
                {
                    await using var writer = new StringWriter();
                    writer.Write(p.Name);
                    var text = writer.ToString();
                    await MessageResource.CreateAsync(to: new PhoneNumber(p.Phone), body: text);
                    return text;
                }
            }
        }
        """;

    // The same with DisposeAsync, implemented implicitly by one type and explicitly by the other: the analysis looks
    // for implementations only where the source declares a method of that name, which an explicit one also is.
    private const string SendingAsyncDisposables = """
        using System;
        using System.Threading.Tasks;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic.Straight
        {
            public sealed class ResultSms : IAsyncDisposable
            {
                private readonly string _phone;
                private string _text = "";

                public ResultSms(string phone)
                {
                    _phone = phone;
                }

                public void Write(string text) => _text = text;

                public async ValueTask DisposeAsync() =>
                    await MessageResource.CreateAsync(to: new PhoneNumber(_phone), from: new PhoneNumber("+15550100"), body: _text);
            }

            public sealed class ReminderSms : IAsyncDisposable
            {
                private readonly string _phone;
                private string _text = "";

                public ReminderSms(string phone)
                {
                    _phone = phone;
                }

                public void Write(string text) => _text = text;

                async ValueTask IAsyncDisposable.DisposeAsync() =>
                    await MessageResource.CreateAsync(to: new PhoneNumber(_phone), from: new PhoneNumber("+15550100"), body: _text);
            }

            public sealed class ResultSender
            {
                public async Task SendResult(Patient p)
                {
                    await using var sms = new ResultSms(p.Phone);
                    sms.Write("Result: " + p.Diagnosis);
                }

                public async Task SendReminder(Patient p)
                {
                    await using var sms = new ReminderSms(p.Phone);
                    sms.Write("Reminder for " + p.Name);
                }
            }
        }
        """;

    // A disposable of this compilation that sends when disposed: a block with a using declaration of it must be
    // analysed although it names no send, and keep its graph, whose finally block calls Dispose.
    private const string SendingDisposable = """
        using System;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic.Straight
        {
            public sealed class ResultSms : IDisposable
            {
                private readonly string _phone;
                private string _text = "";

                public ResultSms(string phone)
                {
                    _phone = phone;
                }

                public void Write(string text) => _text = text;

                public void Dispose() =>
                    MessageResource.Create(to: new PhoneNumber(_phone), from: new PhoneNumber("+15550100"), body: _text);
            }

            public sealed class ResultSender
            {
                public void Send(Patient p)
                {
                    using var sms = new ResultSms(p.Phone);
                    sms.Write("Result: " + p.Diagnosis);
                }
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
        var bodies = CountBodies(AnalyzerRunner.Compile(sources));
        Assert.True(bodies.Straight >= 10, $"only {bodies.Straight} straight-line method bodies in the corpus");
        Assert.True(bodies.WithInitializers >= 2, $"only {bodies.WithInitializers} straight-line method bodies with object initializers in the corpus");
        Assert.True(bodies.Graphs >= 10, $"only {bodies.Graphs} method bodies that need a graph in the corpus");

        var (fast, slow) = await AnalyseBothWays(sources);

        // Findings in the straight-line senders themselves, so an empty or partial comparison cannot pass.
        AssertFinding(fast, "Sample17.cs", "Patient.Diagnosis");
        AssertFinding(fast, "Sample17.cs", "Patient.Name");
        AssertFinding(fast, "Sample18.cs", "Patient.Diagnosis");
        AssertFinding(fast, "Sample18.cs", "Patient.Name");
        Assert.Equal(slow, fast);
    }

    [Fact]
    public async Task StraightLineConstructorsAndUsingDeclarations_GiveTheSameDiagnosticsAsTheirGraphs()
    {
        var sources = new[] { SinkSamples.Patient, SinkSamples.Twilio, ConstructorAndUsingSenders };

        // No disposable of this compilation, so disposing does nothing the analysis follows and these bodies are
        // straight-line in the analysis too, not only in this count.
        var compilation = AnalyzerRunner.Compile(sources);
        Assert.DoesNotContain(
            compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>(),
            type => type.AllInterfaces.Any(i => i.Name is "IDisposable" or "IAsyncDisposable"));
        var bodies = CountBodies(compilation);
        Assert.True(bodies.Constructors >= 3, $"only {bodies.Constructors} straight-line constructors in the corpus");
        Assert.True(bodies.WithUsings >= 2, $"only {bodies.WithUsings} straight-line method bodies with using declarations in the corpus");

        var (fast, slow) = await AnalyseBothWays(sources);

        AssertFinding(fast, "Sample2.cs", "Patient.Diagnosis");
        AssertFinding(fast, "Sample2.cs", "Patient.Name");
        Assert.Equal(slow, fast);
    }

    [Fact]
    public async Task AwaitUsingOfAnAsyncDisposableThatSends_IsReported_WhetherDisposeAsyncIsImplementedImplicitlyOrExplicitly()
    {
        var sources = new[] { SinkSamples.Patient, SinkSamples.Twilio, SendingAsyncDisposables };

        var (fast, slow) = await AnalyseBothWays(sources);

        Assert.Contains(fast, d => d.StartsWith("HIPAA001 Sample2.cs", StringComparison.Ordinal)
            && d.Contains("'Patient.Diagnosis'", StringComparison.Ordinal) && d.Contains("via 'ResultSms.DisposeAsync'", StringComparison.Ordinal));
        Assert.Contains(fast, d => d.StartsWith("HIPAA001 Sample2.cs", StringComparison.Ordinal)
            && d.Contains("'Patient.Name'", StringComparison.Ordinal) && d.Contains("via 'ReminderSms.System.IAsyncDisposable.DisposeAsync'", StringComparison.Ordinal));
        Assert.Equal(slow, fast);
    }

    [Fact]
    public async Task UsingDeclarationOfADisposableThatSends_KeepsItsGraph_AndTheSendOnDisposeIsReported()
    {
        var sources = new[] { SinkSamples.Patient, SinkSamples.Twilio, SendingDisposable };

        var (fast, slow) = await AnalyseBothWays(sources);

        // Reported at the declaration: the message leaves when the scope ends and Dispose runs.
        Assert.Contains(fast, d => d.StartsWith("HIPAA001 Sample2.cs: (25,22)-(25,50)", StringComparison.Ordinal)
            && d.Contains("'Patient.Diagnosis'", StringComparison.Ordinal) && d.Contains("via 'ResultSms.Dispose'", StringComparison.Ordinal));
        Assert.Equal(slow, fast);
    }

    /// <summary>A finding in <paramref name="file"/> that names <paramref name="phi"/> as its source.</summary>
    private static void AssertFinding(List<string> findings, string file, string phi) =>
        Assert.Contains(findings, d => d.Contains(file, StringComparison.Ordinal) && d.Contains($"'{phi}'", StringComparison.Ordinal));

    /// <summary>The same sources analysed with straight-line bodies, then with every body as a graph.</summary>
    private static async Task<(List<string> Fast, List<string> Slow)> AnalyseBothWays(string[] sources)
    {
        var fast = Describe(await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(sources), concurrent: true));
        FunctionBody.AlwaysBuildGraphs = true;
        try
        {
            return (fast, Describe(await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(sources), concurrent: true)));
        }
        finally
        {
            FunctionBody.AlwaysBuildGraphs = false;
        }
    }

    private static (int Straight, int Graphs, int WithInitializers, int Constructors, int WithUsings) CountBodies(Compilation compilation)
    {
        var (straight, graphs, initializers, constructors, usings) = (0, 0, 0, 0, 0);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var member in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                if (member is not (MethodDeclarationSyntax or ConstructorDeclarationSyntax)
                    || model.GetOperation(member) is not { } root
                    || FunctionBody.Of(root, Disposal.Inert, CancellationToken.None) is not { } body)
                {
                    continue;
                }

                if (body.Graph is not null)
                {
                    graphs++;
                    continue;
                }

                _ = member is ConstructorDeclarationSyntax ? constructors++ : straight++;
                initializers += member.DescendantNodes().OfType<InitializerExpressionSyntax>().Any() ? 1 : 0;
                usings += member.DescendantNodes().OfType<LocalDeclarationStatementSyntax>().Any(d => d.UsingKeyword != default) ? 1 : 0;
            }
        }

        return (straight, graphs, initializers, constructors, usings);
    }

    /// <summary>Rule, place, message and the PHI declaration it names: everything a user or a SARIF reader sees.</summary>
    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} "
                + string.Join(";", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString())))
            .Order(StringComparer.Ordinal)
            .ToList();
}
