namespace Nuit.Portfolio.Seeding;

public static class SeedFolder
{
    /// <summary>
    /// The configured folder, or the nearest seed-data/ above the working directory or the app's folder,
    /// so `dotnet run` from the repository root, tests from bin/ and an installed copy all find it.
    /// </summary>
    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(Path.Combine(configured, SeedLoader.StrategyFileName)) ? Path.GetFullPath(configured) : null;

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seed-data");
                if (File.Exists(Path.Combine(candidate, SeedLoader.StrategyFileName))) return candidate;
            }
        }
        return null;
    }
}
