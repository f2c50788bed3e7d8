using System.Collections.Concurrent;

namespace HipaaDev.Site.Publishing;

/// <summary>
/// A preview rebuild's changes to the published folder: files whose hash differs from the last published build are
/// held in memory (usually the one page that was edited) and written by <see cref="Commit"/> only after every check
/// passed, so open pages keep showing the last good build until then.
/// </summary>
public sealed class InPlaceOutput(string outputFolder, IReadOnlyDictionary<string, string> published) : IOutputTarget
{
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _changed = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Hashes => _hashes;

    public void Write(string relativePath, byte[] content, string hash)
    {
        _hashes[relativePath] = hash;
        if (published.GetValueOrDefault(relativePath) != hash)
        {
            _changed[relativePath] = content;
        }
    }

    /// <summary>Writes the changed files and removes those this build no longer makes; returns how many it wrote.</summary>
    public int Commit()
    {
        var gone = published.Keys.Where(path => !_hashes.ContainsKey(path)).ToList();
        OutputFolder.WriteChanges(outputFolder, _changed, gone);
        return _changed.Count;
    }
}
