using System.Collections;
using System.Diagnostics;
using System.Text;

namespace HipaaDev.Package.Tests.Infrastructure;

/// <summary>What a finished child process printed and returned.</summary>
internal sealed record ChildProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The command, its exit code and everything it printed, for failure messages.</summary>
    public string Describe() =>
        $"`{CommandLine}` in {WorkingDirectory} exited with {ExitCode} after {Elapsed.TotalSeconds:F1} s. Output:{Environment.NewLine}{Output}";
}

/// <summary>
/// Runs the real <c>dotnet</c> CLI as a child process with a time limit, quiet first-run settings and none of the
/// MSBuild variables of the test host (which would otherwise point the child at the host's MSBuild).
/// </summary>
internal static class ChildProcess
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<ChildProcessResult> RunDotnetAsync(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var commandLine = "dotnet " + string.Join(' ', arguments);
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"`{commandLine}` in {workingDirectory} did not finish within {Timeout.TotalMinutes} minutes and was stopped. Output so far:{Environment.NewLine}{Snapshot(output)}");
        }

        // The parameterless wait also drains the redirected streams.
        process.WaitForExit();
        return new ChildProcessResult(commandLine, workingDirectory, process.ExitCode, Snapshot(output), stopwatch.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
