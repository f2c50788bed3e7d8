using HipaaDev.Analyzers.Sinks;
using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HipaaDev.Analyzers.Tests.Sinks;

/// <summary>
/// The resolver finds catalogued types by walking their namespaces; it must find exactly what the compiler's own
/// lookup by metadata name finds: the real SDKs, the stand-ins, a type declared in source, and nothing for a name two
/// referenced assemblies both declare.
/// </summary>
public sealed class SinkResolverTests
{
    [Fact]
    public void ResolvesTheSameTypesAsLookupByMetadataName_WithTheRealSdksAndStandIns()
    {
        var compilation = AnalyzerRunner.Compile(SinkSamples.Patient, StandIns.Aws);

        var resolved = AssertSameAsMetadataLookup(compilation);

        Assert.Contains(resolved, type => type.ToDisplayString() == "Twilio.Rest.Api.V2010.Account.MessageResource");
        Assert.Contains(resolved, type => type.ToDisplayString() == "Amazon.SimpleNotificationService.Model.PublishRequest");
        Assert.Contains(resolved, type => type.ToDisplayString() == "System.Net.Mail.MailMessage");
    }

    [Fact]
    public void ATypeDeclaredInSourceWins_AndANameTwoReferencesDeclareIsNobodys()
    {
        const string SendGridLookAlike = "namespace SendGrid.Helpers.Mail { public class SendGridMessage { public string PlainTextContent { get; set; } } }";
        var first = Library("LookAlikeOne", SendGridLookAlike);
        var second = Library("LookAlikeTwo", SendGridLookAlike);
        var compilation = AnalyzerRunner.Compile(TestReferences.All.Add(first).Add(second), SinkSamples.Patient,
            "namespace Twilio.Rest.Api.V2010.Account { public class MessageResource { } }");

        var resolved = AssertSameAsMetadataLookup(compilation);

        Assert.DoesNotContain(resolved, type => type.Name == "SendGridMessage");
        Assert.Contains(resolved, type => type.Name == "MessageResource" && type.ContainingAssembly.Name == "Sample");
    }

    [Fact]
    public void NoCataloguedTypeInSight_GivesNoResolver()
    {
        var compilation = CSharpCompilation.Create("Bare", [CSharpSyntaxTree.ParseText("class C { }")]);

        Assert.Null(SinkResolver.Create(compilation, SinkCatalog.All));
    }

    private static List<INamedTypeSymbol> AssertSameAsMetadataLookup(Compilation compilation)
    {
        var expected = SinkCatalog.All.Select(spec => spec.TypeName).Distinct()
            .Select(compilation.GetTypeByMetadataName).OfType<INamedTypeSymbol>()
            .Select(type => type.ToDisplayString() + " from " + type.ContainingAssembly.Name).Order().ToList();
        var resolved = SinkResolver.Create(compilation, SinkCatalog.All)?.Types.ToList() ?? [];

        Assert.NotEmpty(expected);
        Assert.Equal(expected, resolved.Select(type => type.ToDisplayString() + " from " + type.ContainingAssembly.Name).Order().ToList());
        return resolved;
    }

    private static MetadataReference Library(string name, string source)
    {
        var library = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
