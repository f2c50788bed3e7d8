namespace HipaaDev.Site.Publishing;

/// <summary>
/// Where a build's files go while it runs: a staging folder (<see cref="StagedOutput"/>) or, for preview rebuilds,
/// the changes to the published folder held until every check passed (<see cref="InPlaceOutput"/>). Pages arrive
/// while others are still being rendered, so <see cref="Write"/> may be called from several threads at once.
/// </summary>
public interface IOutputTarget
{
    /// <summary>The SHA-256 of every file written so far, by output-relative path.</summary>
    IReadOnlyDictionary<string, string> Hashes { get; }

    void Write(string relativePath, byte[] content, string hash);
}
