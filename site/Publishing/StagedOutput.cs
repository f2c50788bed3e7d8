using System.Collections.Concurrent;

namespace HipaaDev.Site.Publishing;

/// <summary>
/// A full build's files, written into a new staging folder as soon as each is made, so no build holds every page in
/// memory. The folder is swapped in only when every check passed, and deleted otherwise.
/// </summary>
public sealed class StagedOutput(string stagingFolder) : IOutputTarget
{
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);

    public string Folder { get; } = stagingFolder;

    public IReadOnlyDictionary<string, string> Hashes => _hashes;

    public void Write(string relativePath, byte[] content, string hash)
    {
        OutputFolder.Write(Folder, relativePath, content);
        _hashes[relativePath] = hash;
    }
}
