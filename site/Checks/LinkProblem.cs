namespace HipaaDev.Site.Checks;

/// <summary>Why a link does not resolve, and how to fix it; the same for every page that carries the link.</summary>
public sealed record LinkProblem(string Message, string Fix);
