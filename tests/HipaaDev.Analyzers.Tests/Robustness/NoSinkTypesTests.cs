using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HipaaDev.Analyzers.Tests.Robustness;

/// <summary>
/// A project that references no messaging SDK pays for one type lookup per catalogued type and nothing more: the
/// flow analyzer registers no per-block work at all.
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
        var compilation = CSharpCompilation.Create(
            "NoSinks",
            new[] { RobustAnalysis.Parse(PhiWithoutSinks, "Chart.cs") },
            framework.Append(MetadataReference.CreateFromFile(typeof(HipaaDev.Annotations.PhiAttribute).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var telemetry = await FlowAnalyzerTelemetry(compilation);

        Assert.Equal(1, telemetry.Info.CompilationStartActionsCount);
        Assert.Equal(0, telemetry.Info.OperationBlockStartActionsCount);
        Assert.Equal(0, telemetry.Info.OperationActionsCount);
        Assert.Empty(telemetry.Diagnostics);
    }

    [Fact]
    public async Task CompilationWithASinkType_RegistersBlockActions()
    {
        // The counterpart that shows the telemetry above measures something: one SDK type switches the analysis on.
        var compilation = RobustAnalysis.Empty.AddSyntaxTrees(
            RobustAnalysis.Parse(PhiWithoutSinks, "Chart.cs"),
            RobustAnalysis.Parse(Infrastructure.StandIns.Vonage, "Vonage.cs"));

        var telemetry = await FlowAnalyzerTelemetry(compilation);

        Assert.True(telemetry.Info.OperationBlockStartActionsCount > 0, "With a sink type referenced, the analyzer should register block actions.");
    }

    private static async Task<(Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo Info, IReadOnlyList<Diagnostic> Diagnostics)> FlowAnalyzerTelemetry(Compilation compilation)
    {
        var exceptions = new ConcurrentQueue<string>();
        var analysis = RobustAnalysis.WithAnalyzers(compilation, exceptions, logExecutionTime: true);
        var diagnostics = await analysis.GetAnalyzerDiagnosticsAsync();
        var flowAnalyzer = analysis.Analyzers.OfType<PhiFlowAnalyzer>().Single();
        var info = await analysis.GetAnalyzerTelemetryInfoAsync(flowAnalyzer, CancellationToken.None);
        Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions));
        return (info, diagnostics.Where(d => d.Id.StartsWith("HIPAA", StringComparison.Ordinal)).ToList());
    }
}
