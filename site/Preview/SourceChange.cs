namespace HipaaDev.Site.Preview;

/// <summary>What kind of file changed: content and assets rebuild; code needs a restart.</summary>
public enum SourceChange
{
    Content,
    Code,
}
