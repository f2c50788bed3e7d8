namespace HipaaDev.Site;

/// <summary>The outcome of a build: whether it published, every problem found, and how long each stage took.</summary>
public sealed record BuildResult(bool Succeeded, IReadOnlyList<BuildDiagnostic> Diagnostics, int PageCount, int FilesWritten, IReadOnlyList<(string Stage, TimeSpan Time)> StageTimes)
{
    public TimeSpan Elapsed => StageTimes.Aggregate(TimeSpan.Zero, (sum, stage) => sum + stage.Time);
}
