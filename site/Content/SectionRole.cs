namespace HipaaDev.Site.Content;

/// <summary>Sections the layouts present in their own way. Matched by heading text (see site/README.md).</summary>
public enum SectionRole
{
    Intro,
    Plain,
    KeyLessons,
    FrequentlyAskedQuestions,
    NextSteps,
}
