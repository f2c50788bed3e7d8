using System.Diagnostics;

namespace HipaaDev.Site.Publishing;

/// <summary>
/// Runs Pagefind (pinned in site/package-lock.json) over a built folder. Installs it with <c>npm ci</c> on a
/// fresh clone, and says what to install when Node.js is missing.
/// </summary>
public static class SearchIndexer
{
    private const string NodeMissing =
        "Node.js (20 or newer, with npm) is needed to build the search index, and was not found on PATH. " +
        "Install it (Debian/Ubuntu: 'apt-get install nodejs npm'; elsewhere: the LTS installer for your system), then run the build again.";

    public static async Task<BuildDiagnostic?> IndexAsync(string siteFolder, string nodeProjectFolder, string displayPath, CancellationToken cancellationToken)
    {
        var runner = Path.Combine(nodeProjectFolder, "node_modules", "pagefind", "lib", "runner", "bin.cjs");
        if (!File.Exists(runner))
        {
            if (!File.Exists(Path.Combine(nodeProjectFolder, "package-lock.json")))
            {
                return new BuildDiagnostic(displayPath, 0, "site/package-lock.json is missing, so Pagefind cannot be installed.", "Restore package.json and package-lock.json from git.");
            }

            var npm = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], nodeProjectFolder, cancellationToken);
            if (npm is null)
            {
                return new BuildDiagnostic(displayPath, 0, "npm was not found.", NodeMissing);
            }

            if (npm.Value.ExitCode != 0 || !File.Exists(runner))
            {
                return new BuildDiagnostic(displayPath, 0, $"'npm ci' failed in {nodeProjectFolder}:\n{npm.Value.Output}", "Fix the npm error above (network access to the npm registry is needed once).");
            }
        }

        var pagefind = await RunAsync("node", [runner, "--site", siteFolder], nodeProjectFolder, cancellationToken);
        if (pagefind is null)
        {
            return new BuildDiagnostic(displayPath, 0, "node was not found.", NodeMissing);
        }

        return pagefind.Value.ExitCode == 0
            ? null
            : new BuildDiagnostic(displayPath, 0, $"Pagefind failed:\n{pagefind.Value.Output}", "Fix the problem Pagefind reports above.");
    }

    private static async Task<(int ExitCode, string Output)?> RunAsync(string program, IReadOnlyList<string> arguments, string workingFolder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, (await output) + (await errors));
        }
    }
}
