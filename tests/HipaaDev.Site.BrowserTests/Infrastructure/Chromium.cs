using Microsoft.Playwright;

namespace HipaaDev.Site.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium, driven by Playwright without a browser download. The flags keep it headless, quiet on the
/// network (no updates, sync or QUIC probes) and runnable as root in containers.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] s_arguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ExecutablePath}, and it is not installed. " +
                "Run tests/test.sh (it installs it), or 'apt-get install -y chromium', then run the tests again. " +
                "Do not run 'playwright install': these tests use the system browser.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = s_arguments,
        });
    }
}
