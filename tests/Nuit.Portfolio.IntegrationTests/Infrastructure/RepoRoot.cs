namespace Nuit.Portfolio.IntegrationTests.Infrastructure;

/// <summary>The repository root (the folder with Nuit.Portfolio.sln), found from the test's bin folder.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string SeedData => System.IO.Path.Combine(Path, "seed-data");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Nuit.Portfolio.sln"))) return dir.FullName;
        throw new InvalidOperationException("Finner ikke Nuit.Portfolio.sln over " + AppContext.BaseDirectory);
    }
}
