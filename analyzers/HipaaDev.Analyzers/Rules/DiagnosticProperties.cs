namespace HipaaDev.Analyzers.Rules;

/// <summary>Keys of the properties every PHI-flow diagnostic carries.</summary>
public static class DiagnosticProperties
{
    /// <summary>The sink catalogue row that was reached (type, member and parameter).</summary>
    public const string Sink = "HipaaDev.Sink";

    /// <summary>The PHI source as the message names it.</summary>
    public const string Source = "HipaaDev.Source";

    /// <summary>The helper method the PHI went through, if any.</summary>
    public const string Via = "HipaaDev.Via";
}
