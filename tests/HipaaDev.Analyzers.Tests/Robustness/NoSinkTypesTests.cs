using HipaaDev.Analyzers.Rules;
using System.Collections.Concurrent;
using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Tests.Robustness;

/// <summary>
/// A project that references no messaging SDK (or only the framework's System.Net.Mail, without naming it) pays for
/// one type lookup per catalogued type and one token scan: the flow analyzer registers no per-block work at all.
/// </summary>
public sealed class NoSinkTypesTests
{
    private const string PhiWithoutSinks = """
        using System.Text;
        using HipaaDev.Annotations;
        namespace Clinic
        {
            public sealed class Chart
            {
                [Phi] public string Diagnosis { get; set; } = "";

                public string Render()
                {
                    var builder = new StringBuilder();
                    builder.Append("Dx: ").Append(Diagnosis);
                    return builder.ToString();
                }

                public void Send(string body) { }

                public void Notify() => Send(Render());
            }
        }
        """;

    [Fact]
    public async Task CompilationWithoutMessagingSdks_ReportsNothing_AndRegistersNoBlockActions()
    {
        // System.Net.Mail is part of the framework, so it is left out here to leave no sink type at all.
        var framework = Basic.Reference.Assemblies.Net100.References.All
            .Where(reference => !Path.GetFileName(reference.FilePath)!.StartsWith("System.Net.Mail", StringComparison.Ordinal));
        var compilation = AnalyzerRunner.Compile(
            framework.Append(MetadataReference.CreateFromFile(typeof(HipaaDev.Annotations.PhiAttribute).Assembly.Location)), PhiWithoutSinks);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var telemetry = await FlowAnalyzerTelemetry(compilation);

        Assert.Equal(1, telemetry.Info.CompilationStartActionsCount);
        Assert.Equal(0, telemetry.Info.CodeBlockActionsCount);
        Assert.Equal(0, telemetry.Info.OperationBlockStartActionsCount);
        Assert.Equal(0, telemetry.Info.OperationActionsCount);
        Assert.Empty(telemetry.Diagnostics);
    }

    [Fact]
    public async Task FrameworkMailReferencedButNeverNamed_RegistersNoBlockActions()
    {
        // System.Net.Mail is in every .NET reference set; a project whose source never names its types does not send.
        var compilation = FrameworkOnly(PhiWithoutSinks);
        Assert.NotNull(compilation.GetTypeByMetadataName("System.Net.Mail.MailMessage"));

        var telemetry = await FlowAnalyzerTelemetry(compilation);

        Assert.Equal(0, telemetry.Info.CodeBlockActionsCount);
        Assert.Empty(telemetry.Diagnostics);
    }

    [Fact]
    public async Task FrameworkMailNamedInSource_IsAnalysed()
    {
        const string sender = """
            using System.Net.Mail;
            using HipaaDev.Annotations;
            namespace Clinic
            {
                public sealed class Mailer
                {
                    public MailMessage Compose([Phi] string diagnosis) => new MailMessage("a@b.c", "d@e.f", "Update", diagnosis);
                }
            }
            """;
        var compilation = FrameworkOnly(sender);

        var telemetry = await FlowAnalyzerTelemetry(compilation);

        Assert.True(telemetry.Info.CodeBlockActionsCount > 0);
        var diagnostic = Assert.Single(telemetry.Diagnostics);
        Assert.Equal("HIPAA001", diagnostic.Id);
        Assert.Equal("diagnosis", Expect.SourceNamedBy(diagnostic));
    }

    [Fact]
    public async Task CompilationWithASinkType_RegistersBlockActions()
    {
        // The counterpart that shows the telemetry above measures something: one SDK type switches the analysis on.
        var compilation = AnalyzerRunner.Empty.AddSyntaxTrees(
            AnalyzerRunner.Parse(PhiWithoutSinks, "Chart.cs"),
            AnalyzerRunner.Parse(Infrastructure.StandIns.Vonage, "Vonage.cs"));

        var telemetry = await FlowAnalyzerTelemetry(compilation);

        Assert.True(telemetry.Info.CodeBlockActionsCount > 0, "With a sink type referenced, the analyzer should register block actions.");
    }

    /// <summary>The framework (System.Net.Mail included) and the attributes: no messaging package.</summary>
    private static Compilation FrameworkOnly(string source) => AnalyzerRunner.Compile(
        Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(HipaaDev.Annotations.PhiAttribute).Assembly.Location)), source);

    private static async Task<(Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo Info, IReadOnlyList<Diagnostic> Diagnostics)> FlowAnalyzerTelemetry(Compilation compilation)
    {
        var exceptions = new ConcurrentQueue<string>();
        var analysis = AnalyzerRunner.WithAnalyzers(compilation, exceptions, logExecutionTime: true);
        var diagnostics = await analysis.GetAnalyzerDiagnosticsAsync();
        var flowAnalyzer = analysis.Analyzers.OfType<PhiFlowAnalyzer>().Single();
        var info = await analysis.GetAnalyzerTelemetryInfoAsync(flowAnalyzer, CancellationToken.None);
        Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions));
        return (info, diagnostics.Where(d => d.Id.StartsWith("HIPAA", StringComparison.Ordinal)).ToList());
    }
}
