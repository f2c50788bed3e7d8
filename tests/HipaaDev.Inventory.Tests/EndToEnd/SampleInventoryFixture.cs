using System.Globalization;

namespace HipaaDev.Inventory.Tests.EndToEnd;

/// <summary>
/// The two commands a user runs, once per test run: packs HipaaDev.Analyzers and HipaaDev.Inventory (a version no
/// cache has seen) into a temporary feed; builds a throwaway project compiling the ClinicNotifications sample
/// (Shared + Before) with the package and <c>-p:HipaaDevInventory=true -p:ErrorLog=...</c>; installs the tool from the
/// feed with <c>dotnet tool install --tool-path</c> and runs it on the log. Everything lives in one temporary folder
/// outside the repository, with its own package folder, deleted afterwards.
/// </summary>
public sealed class SampleInventoryFixture : IAsyncLifetime
{
    public const string SarifFile = "inventory.sarif";
    public const string MarkdownFile = "inventory.md";
    public const string CsvFile = "inventory.csv";

    private readonly string _root = Directory.CreateTempSubdirectory("hipaadev-inventory-e2e-").FullName;

    public string Version { get; } = "1.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId;

    private string Feed => Path.Combine(_root, "feed");

    public string ConsumerDirectory => Path.Combine(_root, "consumer");

    internal ChildProcessResult Build { get; private set; } = null!;

    internal ChildProcessResult? Inventory { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(ConsumerDirectory);
        await PackAsync(RepositoryPaths.AnalyzerPackageProject);
        await PackAsync(RepositoryPaths.ToolProject);
        WriteConsumer();

        Build = await ChildProcess.DotnetAsync(
            ConsumerDirectory, "build", "--nologo", "--disable-build-servers", "-p:HipaaDevInventory=true", $"-p:ErrorLog={SarifFile}%2Cversion=2.1");
        if (!Build.Succeeded)
        {
            return;
        }

        var tools = Path.Combine(_root, "tools");
        var install = await ChildProcess.DotnetAsync(
            ConsumerDirectory, "tool", "install", "--tool-path", tools, "--add-source", Feed, "HipaaDev.Inventory", "--version", Version);
        if (!install.Succeeded)
        {
            throw new InvalidOperationException($"Installing the packed tool failed.{Environment.NewLine}{install.Describe()}");
        }

        Inventory = await ChildProcess.RunAsync(
            Path.Combine(tools, OperatingSystem.IsWindows() ? "hipaa-inventory.exe" : "hipaa-inventory"), ConsumerDirectory,
            SarifFile, "--root", RepositoryPaths.Sample, "--markdown", MarkdownFile, "--csv", CsvFile);
    }

    public string Read(string name) => File.ReadAllText(Path.Combine(ConsumerDirectory, name));

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finished build only leaves a folder in the temp directory behind.
        }

        return Task.CompletedTask;
    }

    private async Task PackAsync(string project)
    {
        var pack = await ChildProcess.DotnetAsync(RepositoryPaths.Root, "pack", project, "--nologo", "-c", "Release", $"-p:Version={Version}", "-o", Feed);
        if (!pack.Succeeded)
        {
            throw new InvalidOperationException($"Packing {Path.GetFileName(project)} failed.{Environment.NewLine}{pack.Describe()}");
        }
    }

    private void WriteConsumer()
    {
        var sample = RepositoryPaths.Sample;

        // The feed comes first for our packages; the machine's source stays for the SDKs. The package folder is
        // ours, so neither the build nor the tool install leaves a test version in the user's cache.
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(_root, "packages")}" />
              </config>
              <packageSources>
                <add key="hipaadev-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        // Empty files stop MSBuild from reaching the repository's own settings from the temp folder's parents.
        Write("Directory.Build.props", "<Project />\n");
        Write("Directory.Packages.props", "<Project />\n");
        Write("ClinicNotifications.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="{sample}/Shared/*.cs;{sample}/Before/*.cs" />
                <AdditionalFiles Include="{sample}/Shared/PhiSymbols.txt" />
                <GlobalAnalyzerConfigFiles Include="{sample}/Shared/hipaa.globalconfig" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="HipaaDev.Analyzers" Version="{Version}" />
                <PackageReference Include="Twilio" Version="8.2.0" />
                <PackageReference Include="SendGrid" Version="9.29.3" />
                <PackageReference Include="Hl7.Fhir.R4" Version="6.8.0" />
              </ItemGroup>
            </Project>
            """);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(ConsumerDirectory, name), text.ReplaceLineEndings("\n"));
}
