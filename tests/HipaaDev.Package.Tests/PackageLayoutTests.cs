using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using HipaaDev.Package.Tests.Infrastructure;

namespace HipaaDev.Package.Tests;

/// <summary>The .nupkg that <c>dotnet pack</c> produces: where each assembly goes and what the nuspec says.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackageFixture _package;

    public PackageLayoutTests(PackageFixture package)
    {
        _package = package;
    }

    [Theory]
    [InlineData("lib/netstandard2.0/HipaaDev.Annotations.dll")]
    [InlineData("lib/netstandard2.0/HipaaDev.Annotations.xml")]
    [InlineData("analyzers/dotnet/cs/HipaaDev.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/HipaaDev.CodeFixes.dll")]
    [InlineData("build/HipaaDev.Analyzers.props")]
    [InlineData("build/HipaaDev.Analyzers.targets")]
    [InlineData("README.md")]
    public void Package_ContainsEntry(string entry)
    {
        Assert.True(
            _package.PackageEntries.Contains(entry),
            $"{Path.GetFileName(_package.PackagePath)} has no '{entry}'. Entries:\n{string.Join("\n", _package.PackageEntries)}");
    }

    [Fact]
    public void Package_ShipsAssembliesOnlyInTheLibraryAndAnalyzerFolders()
    {
        // The analyzer must not land in lib/ (it would become a runtime reference of every consumer), and nothing
        // else (Roslyn, dependencies) may ride along with it. The precompiled copy is outside analyzers/, so the SDK
        // never loads both copies; the package's targets choose one.
        var assemblies = _package.PackageEntries.Where(entry => entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order().ToList();
        var expected = new List<string>
        {
            "analyzers/dotnet/cs/HipaaDev.Analyzers.dll",
            "analyzers/dotnet/cs/HipaaDev.CodeFixes.dll",
            "lib/netstandard2.0/HipaaDev.Annotations.dll",
        };
        if (PackageFixture.PrecompiledForThisMachine)
        {
            expected.Add(PrecompiledAnalyzer);
            expected.Add(PrecompiledFolder + "HipaaDev.CodeFixes.dll");
        }

        Assert.Equal(expected.Order(), assemblies);
    }

    [Fact]
    public void PrecompiledAnalyzer_IsAReadyToRunImageOfThePortableAssembly()
    {
        Assert.True(PackageFixture.PrecompiledForThisMachine || !_package.PackageEntries.Contains(PrecompiledAnalyzer), "Only a linux-x64 pack makes the precompiled copy.");
        if (!PackageFixture.PrecompiledForThisMachine)
        {
            return;
        }

        using var portable = new PEReader(new MemoryStream(_package.ReadEntry("analyzers/dotnet/cs/HipaaDev.Analyzers.dll")));
        using var precompiled = new PEReader(new MemoryStream(_package.ReadEntry(PrecompiledAnalyzer)));

        // ReadyToRun native code is announced by the CLI header's managed native header; plain IL has none.
        Assert.Equal(0, portable.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
        Assert.True(precompiled.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{PrecompiledAnalyzer} has no ReadyToRun header.");

        // The same assembly: identity, module version id and every type, so a runtime that ignores the native code
        // runs exactly the portable analyzer.
        var portableMetadata = portable.GetMetadataReader();
        var precompiledMetadata = precompiled.GetMetadataReader();
        Assert.Equal(portableMetadata.GetAssemblyDefinition().GetAssemblyName().FullName, precompiledMetadata.GetAssemblyDefinition().GetAssemblyName().FullName);
        Assert.Equal(portableMetadata.GetGuid(portableMetadata.GetModuleDefinition().Mvid), precompiledMetadata.GetGuid(precompiledMetadata.GetModuleDefinition().Mvid));
        Assert.Equal(TypeNames(portableMetadata), TypeNames(precompiledMetadata));

        // The code fixes are not precompiled (no build runs them); the copy beside it is byte for byte the portable one.
        Assert.Equal(_package.ReadEntry("analyzers/dotnet/cs/HipaaDev.CodeFixes.dll"), _package.ReadEntry(PrecompiledFolder + "HipaaDev.CodeFixes.dll"));
    }

    [Fact]
    public void Readme_IsThePackageReadmeOfTheRepository()
    {
        var expected = File.ReadAllText(RepositoryPaths.PackageReadme).ReplaceLineEndings("\n");

        Assert.Equal(expected, _package.PackageReadme.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Nuspec_HasIdVersionLicenseExpressionTagsReadmeAndRepository()
    {
        Assert.Equal(PackageFixture.PackageId, Metadata("id")?.Value);
        Assert.Equal(_package.Version, Metadata("version")?.Value);

        var license = Metadata("license");
        Assert.True(license is not null, "The nuspec has no <license>. Set PackageLicenseExpression.\n" + _package.Nuspec);
        Assert.Equal("expression", license!.Attribute("type")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(license.Value), "The license expression is empty.");

        var tags = Metadata("tags")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? Array.Empty<string>();
        Assert.Contains("hipaa", tags);
        Assert.Contains("analyzer", tags);

        Assert.Equal("README.md", Metadata("readme")?.Value);

        var repository = Metadata("repository");
        Assert.True(repository is not null, "The nuspec has no <repository>. Set RepositoryUrl and RepositoryType.\n" + _package.Nuspec);
        Assert.Equal("git", repository!.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value);

        Assert.False(string.IsNullOrWhiteSpace(Metadata("description")?.Value), "The nuspec has no description.");
    }

    [Fact]
    public void Nuspec_IsNotADevelopmentDependency()
    {
        // The attributes in lib/ are compiled against by consumers and must flow to projects that reference them;
        // a development dependency would be private to the first project only.
        var developmentDependency = Metadata("developmentDependency");

        Assert.True(developmentDependency is null, $"The nuspec declares developmentDependency={developmentDependency?.Value}.");
    }

    [Fact]
    public void Nuspec_HasNoPackageDependencies()
    {
        // Roslyn and the code-fix project are build-time only; none of them may become a consumer's dependency.
        var dependencies = _package.Nuspec.Descendants().Where(element => element.Name.LocalName == "dependency").Select(element => element.ToString());

        Assert.Empty(dependencies);
    }

    private const string PrecompiledFolder = "tools/analyzers/linux-x64/";

    private const string PrecompiledAnalyzer = PrecompiledFolder + "HipaaDev.Analyzers.dll";

    private static List<string> TypeNames(MetadataReader metadata) =>
        metadata.TypeDefinitions.Select(handle => metadata.GetTypeDefinition(handle))
            .Select(type => metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name))
            .Order()
            .ToList();

    private XElement? Metadata(string name) =>
        _package.Nuspec.Root?.Elements().FirstOrDefault(element => element.Name.LocalName == "metadata")
            ?.Elements().FirstOrDefault(element => element.Name.LocalName == name);
}
