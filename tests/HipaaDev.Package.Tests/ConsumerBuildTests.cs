using HipaaDev.Package.Tests.Consumer;
using HipaaDev.Package.Tests.Infrastructure;

namespace HipaaDev.Package.Tests;

/// <summary>
/// A consumer project that installs the packed package from a folder feed, with the real Twilio and SendGrid
/// packages: <c>dotnet build</c> loads the analyzer and prints the HIPAA warnings where the sources mark them.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ConsumerBuildTests
{
    private static readonly string[] s_analyzerLoadFailures = { "AD0001", "CS8032", "CS9057", "CS8034", "CS8033" };

    private readonly PackageFixture _package;

    public ConsumerBuildTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public void ConsumerBuild_Succeeds()
    {
        Assert.True(_package.ConsumerBuild.Succeeded, _package.ConsumerBuild.Describe());
    }

    [Fact]
    public void ConsumerBuild_LoadsTheAnalyzerWithoutFailures()
    {
        var failures = _package.ConsumerDiagnostics.Where(d => s_analyzerLoadFailures.Contains(d.Id)).ToList();
        var unnamedFailures = s_analyzerLoadFailures.Where(id => _package.ConsumerBuild.Output.Contains(id + ":", StringComparison.Ordinal)).ToList();

        Assert.True(
            failures.Count == 0 && unnamedFailures.Count == 0,
            $"The analyzer failed to load or crashed: {string.Join(", ", failures.Select(f => f.ToString()).Concat(unnamedFailures))}\n{_package.ConsumerBuild.Describe()}");
    }

    [Fact]
    public void ConsumerBuild_ReportsExactlyTheMarkedHipaaWarnings_AtTheirFileLineAndColumn()
    {
        var expected = ConsumerSources.Expected().Select(e => e.ToString()).Order().ToList();
        var actual = HipaaWarnings().Select(d => new ExpectedDiagnostic(d.FileName, d.Id, d.Line, d.Column).ToString()).Order().ToList();

        Assert.True(
            expected.SequenceEqual(actual),
            "HIPAA warnings differ from the /*HIPAA00n*/ markers in the consumer sources.\n"
            + $"Missing: {string.Join("; ", expected.Except(actual))}\n"
            + $"Unexpected: {string.Join("; ", actual.Except(expected))}\n"
            + _package.ConsumerBuild.Describe());
    }

    [Fact]
    public void ConsumerBuild_ReportsEveryRuleAsAWarningNotAnError()
    {
        var rules = HipaaWarnings().Select(d => d.Id).Distinct().Order().ToList();

        Assert.Equal(new[] { "HIPAA001", "HIPAA002", "HIPAA003" }, rules);
        Assert.All(HipaaDiagnostics(), d => Assert.Equal("warning", d.Severity));
    }

    [Fact]
    public void ApprovedChannel_BodyWithPhiIsNotReported_ButSubjectWithPhiIs()
    {
        var mailer = ConsumerSources.Files["ResultsMailers.cs"];
        var approvedClassLines = LineRange(mailer, "public sealed class SecureResultsMailer", "public sealed class NewsletterMailer");
        var inApprovedClass = HipaaWarnings().Where(d => d.FileName == "ResultsMailers.cs" && approvedClassLines.Contains(d.Line)).ToList();

        Assert.True(
            inApprovedClass.Select(d => d.Id).SequenceEqual(new[] { "HIPAA002" }),
            $"Inside [ApprovedChannel(\"secure-email\")] only the PHI subject may be reported; got: {string.Join("; ", inApprovedClass)}\n{_package.ConsumerBuild.Describe()}");
    }

    [Fact]
    public void SanitizedAndNeutralSms_AreNotReported()
    {
        var reminders = ConsumerSources.Files["AppointmentReminders.cs"];
        var quietLines = LineRange(reminders, "public MessageResource SendNeutralReminder", "public async Task<MessageResource> SendFollowUpAsync");
        var reported = HipaaWarnings().Where(d => d.FileName == "AppointmentReminders.cs" && quietLines.Contains(d.Line)).ToList();

        Assert.True(reported.Count == 0, $"Neutral or [PhiSanitizer] text was reported: {string.Join("; ", reported)}");
    }

    [Fact]
    public void ConsumerBuild_CompilesWithThePrecompiledAnalyzerOnLinuxX64_AndThePortableOneElsewhere()
    {
        var hipaaDev = _package.ConsumerAnalyzerPaths.Where(path => Path.GetFileName(path).StartsWith("HipaaDev.", StringComparison.Ordinal)).ToList();
        var folder = PackageFixture.PrecompiledForThisMachine ? PrecompiledFolder : PortableFolder;

        Assert.True(_package.ConsumerBuild.Succeeded, _package.ConsumerBuild.Describe());
        Assert.True(
            hipaaDev.Count == 2 && hipaaDev.All(path => path.Replace('\\', '/').Contains(folder, StringComparison.Ordinal)),
            $"The compiler was given {string.Join(", ", hipaaDev)}; expected HipaaDev.Analyzers.dll and HipaaDev.CodeFixes.dll from {folder} only.");
    }

    [Fact]
    public async Task HipaaDevPrecompiledAnalyzerFalse_KeepsThePortableAnalyzer()
    {
        var items = (await _package.ConsumerAnalyzerItemsAsync("-p:HipaaDevPrecompiledAnalyzer=false"))
            .Where(path => Path.GetFileName(path).StartsWith("HipaaDev.", StringComparison.Ordinal)).ToList();

        Assert.True(
            items.Count == 2 && items.All(path => path.Replace('\\', '/').Contains(PortableFolder, StringComparison.Ordinal)),
            $"With HipaaDevPrecompiledAnalyzer=false the project lists {string.Join(", ", items)}; expected the two files in {PortableFolder}.");
    }

    private const string PortableFolder = "/analyzers/dotnet/cs/";

    private const string PrecompiledFolder = "/tools/analyzers/linux-x64/";

    private IEnumerable<BuildDiagnostic> HipaaDiagnostics() =>
        _package.ConsumerDiagnostics.Where(d => d.Id.StartsWith("HIPAA", StringComparison.Ordinal));

    private IReadOnlyList<BuildDiagnostic> HipaaWarnings()
    {
        Assert.True(_package.ConsumerBuild.Succeeded, _package.ConsumerBuild.Describe());
        return HipaaDiagnostics().Where(d => d.Severity == "warning").ToList();
    }

    /// <summary>The 1-based lines from the one starting with <paramref name="from"/> up to, not including, <paramref name="to"/>.</summary>
    private static HashSet<int> LineRange(string source, string from, string to)
    {
        var lines = source.Split('\n');
        var start = Array.FindIndex(lines, line => line.TrimStart().StartsWith(from, StringComparison.Ordinal));
        var end = Array.FindIndex(lines, line => line.TrimStart().StartsWith(to, StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, $"The consumer sources no longer contain '{from}' before '{to}'.");
        return Enumerable.Range(start + 1, end - start).ToHashSet();
    }
}
