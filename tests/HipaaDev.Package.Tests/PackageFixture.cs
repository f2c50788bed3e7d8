using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HipaaDev.Package.Tests.Consumer;
using HipaaDev.Package.Tests.Infrastructure;

namespace HipaaDev.Package.Tests;

/// <summary>
/// Packs the real package once (Release, a version no cache has seen) into a temporary feed folder, then builds a
/// throwaway consumer project that installs it from that folder next to the real Twilio and SendGrid packages.
/// Both steps run once per test run; the tests read the results. Everything lives in one temporary folder outside
/// the repository (so the repository's central package management and warnings-as-errors do not apply) that is
/// deleted afterwards.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string PackageId = "HipaaDev.Analyzers";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "hipaadev-package-tests", Guid.NewGuid().ToString("N"));

    public string Version { get; } = "1.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId;

    public string FeedDirectory => Path.Combine(_root, "feed");

    public string ConsumerDirectory => Path.Combine(_root, "consumer");

    public string PackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");

    /// <summary>
    /// Whether this machine packs and uses the precompiled linux-x64 copy of the analyzer (the package project makes
    /// it only on a linux-x64 SDK, and the package's targets use it only there).
    /// </summary>
    public static bool PrecompiledForThisMachine => System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64";

    internal ChildProcessResult Pack { get; private set; } = null!;

    internal ChildProcessResult ConsumerBuild { get; private set; } = null!;

    /// <summary>Every distinct <c>file(line,col): warning|error ID</c> of the consumer build.</summary>
    internal IReadOnlyList<BuildDiagnostic> ConsumerDiagnostics { get; private set; } = Array.Empty<BuildDiagnostic>();

    /// <summary>The <c>/analyzer:</c> paths of the consumer build's compiler command line.</summary>
    public IReadOnlyList<string> ConsumerAnalyzerPaths { get; private set; } = Array.Empty<string>();

    /// <summary>Relative path of every entry in the package.</summary>
    public IReadOnlyList<string> PackageEntries { get; private set; } = Array.Empty<string>();

    public XDocument Nuspec { get; private set; } = null!;

    public string PackageReadme { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        Pack = await ChildProcess.RunDotnetAsync(
            RepositoryPaths.Root,
            "pack", RepositoryPaths.PackageProject, "--nologo", "-c", "Release", $"-p:Version={Version}", "-o", FeedDirectory);
        if (!Pack.Succeeded || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing {PackageId} {Version} did not produce {PackagePath}.{Environment.NewLine}{Pack.Describe()}");
        }

        ReadPackage();
        WriteConsumer();
        // Normal verbosity prints the compiler's command line, which names the analyzer files it loads.
        ConsumerBuild = await ChildProcess.RunDotnetAsync(ConsumerDirectory, "build", "--nologo", "--disable-build-servers", "-c", "Debug", "-v:n");
        ConsumerDiagnostics = BuildDiagnostic.ParseAll(ConsumerBuild.Output);
        ConsumerAnalyzerPaths = Regex.Matches(ConsumerBuild.Output, @"/analyzer:(\S+)").Select(match => Path.GetFullPath(match.Groups[1].Value)).Distinct().ToList();
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished build only leaves a folder in the temp directory behind.
        }

        return Task.CompletedTask;
    }

    /// <summary>The analyzer files the consumer project hands the compiler, with the given extra MSBuild arguments.</summary>
    internal async Task<IReadOnlyList<string>> ConsumerAnalyzerItemsAsync(params string[] arguments)
    {
        var result = await ChildProcess.RunDotnetAsync(
            ConsumerDirectory, ["msbuild", "--nologo", "-nodeReuse:false", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer", .. arguments]);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Listing the consumer's analyzers failed." + Environment.NewLine + result.Describe());
        }

        var json = result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()!)
            .ToList();
    }

    /// <summary>The bytes of one package entry.</summary>
    public byte[] ReadEntry(string entry)
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        using var stream = archive.GetEntry(entry)?.Open()
            ?? throw new InvalidOperationException($"{PackagePath} has no '{entry}'.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private void ReadPackage()
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        PackageEntries = archive.Entries.Select(entry => entry.FullName).ToList();

        var nuspec = archive.Entries.SingleOrDefault(entry => entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"{PackagePath} has no .nuspec. Entries: {string.Join(", ", PackageEntries)}");
        using (var stream = nuspec.Open())
        {
            Nuspec = XDocument.Load(stream);
        }

        if (archive.GetEntry("README.md") is { } readme)
        {
            using var reader = new StreamReader(readme.Open());
            PackageReadme = reader.ReadToEnd();
        }
    }

    private void WriteConsumer()
    {
        Directory.CreateDirectory(ConsumerDirectory);

        // Only the temporary feed is added; the machine's default source stays, for Twilio, SendGrid and their dependencies.
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="hipaadev-test-feed" value="{FeedDirectory}" />
              </packageSources>
            </configuration>
            """);

        // Empty files stop MSBuild from looking further up for shared settings.
        Write("Directory.Build.props", "<Project />\n");
        Write("Directory.Packages.props", "<Project />\n");
        Write(".editorconfig", ConsumerSources.EditorConfig);
        Write($"{ConsumerSources.ProjectName}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <RestorePackagesPath>{Path.Combine(_root, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageId}" Version="{Version}" />
                <PackageReference Include="Twilio" Version="8.2.0" />
                <PackageReference Include="SendGrid" Version="9.29.3" />
              </ItemGroup>
            </Project>
            """);
        foreach (var (name, text) in ConsumerSources.Files)
        {
            Write(name, text);
        }
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(ConsumerDirectory, name), text.ReplaceLineEndings("\n"));
}
