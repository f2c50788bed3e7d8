using HipaaDev.Analyzers.Rules;
using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HipaaDev.Analyzers.Tests.Robustness;

/// <summary>
/// A block that calls a helper the compiler has not handed out yet waits for it (see <c>WaitingBlocks</c>). Whatever
/// the order and mode, each finding is reported once, at its own place and local to its own file (the IDE and code
/// fixes take only those), and an analysis of one file, or of part of one, still reports a caller whose helper lives
/// in a file that analysis never reaches.
/// </summary>
public sealed class WaitingForHelpersTests
{
    // The senders come before the helpers they call, in the file and in the compilation: handed out in file order,
    // every sender reaches the analyzer before its helper does.
    private const string Senders = """
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic
        {
            public sealed class ResultTexts
            {
                private readonly Statements _statements = new Statements();

                public void SendResult(Patient patient) => Text(patient.Phone, "Result: " + patient.Diagnosis);

                public void SendStatement(Patient patient) => Text(patient.Phone, _statements.Line(patient));

                public void SendReference(Patient patient) => Text(patient.Phone, _statements.Reference(patient));

                private static void Text(string phone, string body) =>
                    MessageResource.Create(to: new PhoneNumber(phone), from: new PhoneNumber("+15005550006"), body: body);
            }
        }
        """;

    private const string Helpers = """
        namespace Clinic
        {
            public sealed class Statements
            {
                public string Line(Patient patient) => $"Statement for {patient.LastName}";

                public string Reference(Patient patient) => $"Statement {patient.Id} is ready";
            }
        }
        """;

    // What the senders report, in every order and mode.
    private static readonly string[] s_sendersFindings =
    {
        "HIPAA001 ResultTexts.SendResult: \"Result: \" + patient.Diagnosis from 'Patient.Diagnosis'",
        "HIPAA001 ResultTexts.SendStatement: _statements.Line(patient) from 'Patient.LastName'",
    };

    [Fact]
    public Task SendersBeforeTheirHelpers_FindTheSame_InEveryOrderAndMode_EachOnce() =>
        AssertFindingsInEveryOrderAndMode(
            [Senders, Helpers, ClinicModel.Source],
            [Helpers, ClinicModel.Source, Senders]);

    [Fact]
    public Task HelpersWithManyNamesakes_FindTheSame_InEveryOrderAndMode_EachOnce()
    {
        // A block waits for every block declared under a name it mentions, its real helper among them: here 80 other
        // types declare a Line and a Reference that put nothing of the patient in, more than one block's list holds.
        var namesakes = new System.Text.StringBuilder("namespace Clinic\n{\n");
        for (var i = 0; i < 80; i++)
        {
            namesakes.AppendLine($"    public sealed class Notice{i} {{ public string Line(Patient patient) => \"Notice {i}\"; public string Reference(Patient patient) => \"Ref {i}\"; }}");
        }

        namesakes.AppendLine("}");
        return AssertFindingsInEveryOrderAndMode(
            [Senders, namesakes.ToString(), Helpers, ClinicModel.Source],
            [Helpers, Senders, namesakes.ToString(), ClinicModel.Source]);
    }

    /// <summary>Each order of files, analysed on one thread and concurrently, reports the senders' findings, each once.</summary>
    private static async Task AssertFindingsInEveryOrderAndMode(params string[][] orders)
    {
        foreach (var sources in orders)
        {
            foreach (var concurrent in new[] { false, true })
            {
                var described = Describe(await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(sources), concurrent: concurrent));
                Assert.Equal(s_sendersFindings, described);
            }
        }
    }

    [Fact]
    public async Task WholeCompilation_ReportsAWaitingSender_LocalToItsOwnFile()
    {
        var compilation = AnalyzerRunner.Compile(Senders, Helpers, ClinicModel.Source);
        var exceptions = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var result = await AnalyzerRunner.WithAnalyzers(compilation, exceptions, options: AnalyzerRunner.NoOptions, concurrent: false)
            .GetAnalysisResultAsync(CancellationToken.None);

        Assert.Empty(exceptions);
        var flow = AnalyzerRunner.All.OfType<PhiFlowAnalyzer>().Single();
        Assert.Equal(2, result.SemanticDiagnostics[compilation.SyntaxTrees.First()][flow].Count(d => d.Id == "HIPAA001"));
        Assert.True(!result.CompilationDiagnostics.TryGetValue(flow, out var nonLocal) || nonLocal.IsEmpty);
    }

    [Fact]
    public async Task OneFileAnalysis_ReportsASenderWhoseHelperIsInAFileItNeverReaches()
    {
        var compilation = AnalyzerRunner.Compile(Senders, Helpers, ClinicModel.Source);
        var senders = compilation.SyntaxTrees.First();

        var outcome = await AnalyzerRunner.AnalyzeTreeAsync(compilation, senders);

        AnalyzerRunner.AssertNoCrash(outcome, "the senders' file");
        Assert.Contains("HIPAA001 ResultTexts.SendStatement: _statements.Line(patient) from 'Patient.LastName'", Describe(outcome.Diagnostics));
    }

    [Fact]
    public async Task PartOfAFile_ReportsTheSenderItCovers()
    {
        var compilation = AnalyzerRunner.Compile(Senders, Helpers, ClinicModel.Source);
        var senders = compilation.SyntaxTrees.First();
        var sendStatement = senders.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "SendStatement");

        var exceptions = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var diagnostics = await AnalyzerRunner.WithAnalyzers(compilation, exceptions, options: AnalyzerRunner.NoOptions)
            .GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(senders), sendStatement.Span, CancellationToken.None);

        Assert.Empty(exceptions);
        Assert.Equal(new[] { "HIPAA001 ResultTexts.SendStatement: _statements.Line(patient) from 'Patient.LastName'" }, Describe(diagnostics));
    }

    [Fact]
    public async Task AnalysisResumedAfterACancel_ReportsEveryWaitingSender()
    {
        // Many senders declared before their helpers, so they wait; a cancelled run must leave nothing half-done behind
        // for the next run on the same analysis (the IDE resumes after every keystroke's cancel).
        const int senders = 150;
        var compilation = AnalyzerRunner.Compile(SendersThenHelpers(senders), ClinicModel.Source);
        var exceptions = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var analysis = AnalyzerRunner.WithAnalyzers(compilation, exceptions, options: AnalyzerRunner.NoOptions);
        foreach (var delay in new[] { 20, 60, 150 })
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(delay));
            var thrown = await Record.ExceptionAsync(() => analysis.GetAnalyzerDiagnosticsAsync(cancellation.Token));
            Assert.True(thrown is null or OperationCanceledException, thrown?.ToString());
        }

        var diagnostics = await analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Empty(exceptions);
        Assert.Equal(senders, diagnostics.Count(d => d.Id == "HIPAA001" && d.Properties[DiagnosticProperties.Source] == "Patient.LastName"));
    }

    private static string SendersThenHelpers(int count)
    {
        var senders = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            senders.AppendLine($"public void Send{i}(Patient patient) => Text(patient.Phone, Line(patient) + \" ({i})\");");
        }

        return $$"""
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;
            namespace Clinic
            {
                public sealed class ManyStatements
                {
            {{senders}}
                    private static string Line(Patient patient) => $"Statement for {patient.LastName}";

                    private static void Text(string phone, string body) =>
                        MessageResource.Create(to: new PhoneNumber(phone), from: new PhoneNumber("+15005550006"), body: body);
                }
            }
            """;
    }

    /// <summary>Rule, enclosing method, the reported expression and its PHI source: one line per finding.</summary>
    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Where(d => d.Id.StartsWith("HIPAA", StringComparison.Ordinal))
            .Select(d =>
            {
                var node = d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan);
                var method = node.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().First();
                var type = method.Ancestors().OfType<TypeDeclarationSyntax>().First();
                return $"{d.Id} {type.Identifier.ValueText}.{method.Identifier.ValueText}: {node} from '{d.Properties[DiagnosticProperties.Source]}'";
            })
            .Order(StringComparer.Ordinal)
            .ToList();
}
