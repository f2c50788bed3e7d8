namespace HipaaDev.Site.Content;

/// <summary>One question of a "Frequently asked questions" section.</summary>
public sealed record FaqEntry(string Id, string Question, string AnswerText);
