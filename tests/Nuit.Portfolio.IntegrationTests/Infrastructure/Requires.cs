namespace Nuit.Portfolio.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that need a tool from the machine (Chromium, PostgreSQL, libgdiplus …) skip with the reason
/// locally, but fail on CI (CI=true), where .ci/run installs the tool: a skipped check there would hide a gap.
/// </summary>
public static class Requires
{
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void That(bool available, string reason)
    {
        if (available) return;
        if (OnCi) Assert.Fail($"CI=true, men {reason}");
        Assert.Skip(reason);
    }
}
