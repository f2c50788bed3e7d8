namespace HipaaDev.Inventory;

/// <summary>
/// Input the tool cannot use (exit code 2). The message has one shape, <c>file: what is wrong (line N): what to do</c>,
/// so that a build log or CI step shows the person which file to look at and how to fix it.
/// </summary>
internal sealed class InventoryInputException(string file, string problem, string remedy, long? line = null)
    : Exception($"{file}: {problem}{(line is { } n ? $" (line {n})" : "")}: {remedy}")
{
    public string File { get; } = file;
}
