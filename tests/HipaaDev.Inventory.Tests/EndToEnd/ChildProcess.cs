using System.Diagnostics;
using System.Text;

namespace HipaaDev.Inventory.Tests.EndToEnd;

/// <summary>What a finished child process printed and returned.</summary>
internal sealed record ChildProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public string Describe() => $"`{CommandLine}` in {WorkingDirectory} exited with {ExitCode}. Output:{Environment.NewLine}{Output}";
}

/// <summary>
/// Runs <c>dotnet</c> or an installed tool with a time limit, and without the test host's MSBuild variables, which
/// would otherwise point a child build at the host's MSBuild.
/// </summary>
internal static class ChildProcess
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    /// <summary>The folder of the <c>dotnet</c> on PATH, for the apphost of an installed tool.</summary>
    private static readonly string? s_dotnetRoot = FindDotnetRoot();

    public static Task<ChildProcessResult> DotnetAsync(string workingDirectory, params string[] arguments) =>
        RunAsync("dotnet", workingDirectory, arguments);

    public static async Task<ChildProcessResult> RunAsync(string fileName, string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        arguments.ToList().ForEach(startInfo.ArgumentList.Add);
        foreach (var name in startInfo.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        if (s_dotnetRoot is not null)
        {
            startInfo.Environment["DOTNET_ROOT"] = s_dotnetRoot;
        }

        var output = new StringBuilder();
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        var commandLine = $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)}";
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{commandLine}` in {workingDirectory} did not finish within {s_timeout.TotalMinutes} minutes and was stopped.");
        }

        // The parameterless wait also drains the redirected streams.
        process.WaitForExit();
        lock (output)
        {
            return new ChildProcessResult(commandLine, workingDirectory, process.ExitCode, output.ToString());
        }
    }

    private static string? FindDotnetRoot()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))
            .FirstOrDefault(File.Exists);
        if (onPath is null)
        {
            return null;
        }

        var target = new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
        return Path.GetDirectoryName(target);
    }
}
