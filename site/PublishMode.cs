namespace HipaaDev.Site;

/// <summary>How a build publishes its files.</summary>
public enum PublishMode
{
    /// <summary>Write into a staging folder, index it for search, then swap it in (the command line and the first preview build).</summary>
    Staged,

    /// <summary>Write only the files that changed into the existing output, without the search index (preview rebuilds).</summary>
    InPlace,
}
