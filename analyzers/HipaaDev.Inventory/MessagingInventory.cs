namespace HipaaDev.Inventory;

/// <summary>
/// The send sites of one or more builds, de-duplicated, with paths relative to one root and in a fixed order
/// (file, line, column), so the same code always gives the same document.
/// </summary>
internal sealed class MessagingInventory
{
    private MessagingInventory(IReadOnlyList<string> sarifFiles, IReadOnlyList<SendSite> sites, string? date)
    {
        SarifFiles = sarifFiles;
        Sites = sites;
        Date = date;
    }

    /// <summary>The SARIF files as they were named on the command line.</summary>
    public IReadOnlyList<string> SarifFiles { get; }

    public IReadOnlyList<SendSite> Sites { get; }

    /// <summary>The generation date to print, or null: without it the output depends on the code alone.</summary>
    public string? Date { get; }

    /// <summary>Sites grouped by channel, then vendor, in alphabetical order.</summary>
    public IEnumerable<IGrouping<(string Channel, string Vendor), SendSite>> Groups =>
        Sites.GroupBy(site => (site.Channel, site.Vendor))
            .OrderBy(group => group.Key.Channel, Alphabetical)
            .ThenBy(group => group.Key.Vendor, Alphabetical);

    /// <summary>Case-insensitive first ("email" before "SMS"), then ordinal, so the order never depends on culture.</summary>
    public static IComparer<string> Alphabetical { get; } =
        Comparer<string>.Create((x, y) => StringComparer.OrdinalIgnoreCase.Compare(x, y) is var c and not 0 ? c : string.CompareOrdinal(x, y));

    public IEnumerable<SendSite> PhiOutsideApprovedChannels => Sites.Where(site => site.HasPhi && !site.IsInApprovedChannel);

    /// <summary>Approved channels cover the body, never the subject (HIPAA002 is reported inside them too).</summary>
    public IEnumerable<SendSite> PhiInSubjectInsideApprovedChannels => Sites.Where(site => site.IsInApprovedChannel && site.HasPhiInSubject);

    /// <summary>Channel names in <c>[ApprovedChannel]</c> that the policy list does not contain, with their sites.</summary>
    public IEnumerable<IGrouping<string, SendSite>> ChannelsNotInPolicy => ChannelsWhere(SendSite.NotListed);

    /// <summary>Channel names used while no policy list is configured, so any name was accepted.</summary>
    public IEnumerable<IGrouping<string, SendSite>> ChannelsWithoutPolicy => ChannelsWhere(SendSite.NoPolicy);

    public static MessagingInventory Create(IReadOnlyList<string> sarifFiles, IEnumerable<SendSite> sites, string? root, string? date)
    {
        var distinct = sites.Distinct().ToList();
        var baseDirectory = root ?? CommonDirectory(distinct.Select(site => site.Path));
        var ordered = distinct
            .Select(site => site with { Path = Relative(baseDirectory, site.Path) })
            .OrderBy(site => site.Path, StringComparer.Ordinal)
            .ThenBy(site => site.Line)
            .ThenBy(site => site.Column)
            .ThenBy(site => site.Api, StringComparer.Ordinal)
            .ToList();
        return new MessagingInventory(sarifFiles, ordered, date);
    }

    private IEnumerable<IGrouping<string, SendSite>> ChannelsWhere(string listed) =>
        Sites.Where(site => site.ApprovedChannel.Length > 0 && site.ApprovedChannelListed == listed)
            .GroupBy(site => site.ApprovedChannel)
            .OrderBy(group => group.Key, Alphabetical);

    /// <summary>Forward slashes everywhere: the document must not change with the machine that built it.</summary>
    private static string Relative(string? baseDirectory, string path)
    {
        var relative = baseDirectory is null || !Path.IsPathRooted(path) ? path : Path.GetRelativePath(baseDirectory, path);
        return relative.Replace('\\', '/');
    }

    /// <summary>The deepest folder holding every absolute path, or null when there is none to share.</summary>
    private static string? CommonDirectory(IEnumerable<string> paths)
    {
        string[]? common = null;
        foreach (var path in paths.Where(Path.IsPathRooted))
        {
            var folders = Path.GetDirectoryName(path)!.Split(Path.DirectorySeparatorChar);
            common = common is null ? folders : common.Zip(folders).TakeWhile(pair => pair.First == pair.Second).Select(pair => pair.First).ToArray();
        }

        // The trailing separator keeps a bare root ("/" or "C:\") a folder.
        return common is null ? null : string.Join(Path.DirectorySeparatorChar, common) + Path.DirectorySeparatorChar;
    }
}
