namespace HipaaDev.Inventory.Tests;

public sealed class InventoryCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = InventoryCommand.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_NoOutputOptions_WritesMarkdownToStandardOutput()
    {
        var (exitCode, output, error) = Run(Sarif.Fixture("clinic-2.1.sarif"));

        Assert.Equal(0, exitCode);
        Assert.StartsWith("# Messaging inventory\n", output);
        Assert.Contains("- Send sites: 6\n", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void Run_Version1AndVersion21OfOneBuild_GiveTheSameDocument()
    {
        var version1 = Run(Sarif.Fixture("clinic-1.0.sarif")).Output;
        var version21 = Run(Sarif.Fixture("clinic-2.1.sarif")).Output;

        Assert.Equal(version21.Replace("clinic-2.1.sarif", "X"), version1.Replace("clinic-1.0.sarif", "X"));
    }

    [Fact]
    public void Run_TwoLogsOfTheSameBuild_ListEachSiteOnce()
    {
        using var folder = new TempFolder();
        var markdown = Path.Combine(folder.Path, "inventory.md");
        var csv = Path.Combine(folder.Path, "inventory.csv");

        var (exitCode, output, _) = Run(Sarif.Fixture("clinic-2.1.sarif"), Sarif.Fixture("clinic-1.0.sarif"), "--markdown", markdown, "--csv", csv);

        Assert.Equal(0, exitCode);
        Assert.Equal("", output);
        Assert.Contains("- Send sites: 6\n", File.ReadAllText(markdown));
        Assert.Equal(1 + 6, File.ReadAllText(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Run_NoSendSites_WritesAnEmptyInventoryAndSucceeds()
    {
        var (exitCode, output, error) = Run(Sarif.Fixture("no-sends-2.1.sarif"));

        Assert.Equal(0, exitCode);
        Assert.Contains("No send sites were found", output);
        Assert.Contains("-p:HipaaDevInventory=true", error);
    }

    [Fact]
    public void Run_MalformedSarif_ExitsWith2AndNamesTheFile()
    {
        using var folder = new TempFolder();
        var file = folder.Write("broken.sarif", "{ \"version\": \"2.1.0\", \"runs\": [ ");

        var (exitCode, output, error) = Run(Sarif.Fixture("clinic-2.1.sarif"), file);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith($"{file}: not valid JSON (line 1): ", error);
    }

    [Fact]
    public void Run_MissingFile_ExitsWith2AndNamesTheFile()
    {
        var (exitCode, _, error) = Run("missing.sarif");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("missing.sarif: file not found: ", error);
    }

    [Fact]
    public void Run_JsonThatIsNotSarif_ExitsWith2()
    {
        using var folder = new TempFolder();
        var file = folder.Write("package.json", "{ \"name\": \"site\" }");

        var (exitCode, _, error) = Run(file);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"{file}: JSON but not a SARIF log", error);
    }

    [Theory]
    [InlineData(new string[0], "hipaa-inventory: no SARIF file given: ")]
    [InlineData(new[] { "a.sarif", "--format", "html" }, "--format: unknown option: ")]
    [InlineData(new[] { "a.sarif", "--markdown" }, "--markdown: needs a value: ")]
    public void Run_BadArguments_ExitWith2(string[] args, string message)
    {
        var (exitCode, _, error) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(message, error);
    }

    [Fact]
    public void Run_OutputFolderMissing_ExitsWith2AndNamesTheOutputFile()
    {
        var target = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "inventory.md");

        var (exitCode, _, error) = Run(Sarif.Fixture("clinic-2.1.sarif"), "--markdown", target);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"{target}: cannot be written", error);
    }

    [Fact]
    public void Run_Help_PrintsUsage()
    {
        var (exitCode, output, _) = Run("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage: hipaa-inventory <file.sarif>...", output);
    }
}
