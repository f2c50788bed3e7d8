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
        // else (Roslyn, dependencies) may ride along in analyzers/.
        var assemblies = _package.PackageEntries.Where(entry => entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order().ToList();

        Assert.Equal(
            new[]
            {
                "analyzers/dotnet/cs/HipaaDev.Analyzers.dll",
                "analyzers/dotnet/cs/HipaaDev.CodeFixes.dll",
                "lib/netstandard2.0/HipaaDev.Annotations.dll",
            },
            assemblies);
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

    private XElement? Metadata(string name) =>
        _package.Nuspec.Root?.Elements().FirstOrDefault(element => element.Name.LocalName == "metadata")
            ?.Elements().FirstOrDefault(element => element.Name.LocalName == name);
}
