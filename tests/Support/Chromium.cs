using Microsoft.Playwright;

namespace Lscb.Site.Support;

/// <summary>
/// The browser the browser tests and the benchmark drive through Playwright. Playwright's own browser
/// downloads are never used: CHROMIUM_PATH when set (GitHub's Ubuntu runners have no Debian Chromium,
/// and CI sets it to /usr/bin/google-chrome), otherwise Debian's /usr/bin/chromium.
/// </summary>
internal static class Chromium
{
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    /// <summary>Headless, as root in a container, and quiet: no sandbox, GPU, background traffic, updates or sync.</summary>
    private static IReadOnlyList<string> Args { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic",
    ];

    /// <summary>Starts the browser headless with <see cref="Args"/>, allowing it <paramref name="timeoutMs"/> to start.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, float timeoutMs) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = Args,
            Timeout = timeoutMs,
        });
}
