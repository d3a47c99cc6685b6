using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Tests.Data;

public class StorageProblemTests
{
    [Theory]
    [InlineData(13, "Disken databasen ligger på er full.")]
    [InlineData(8, "Databasefilen eller mappen den ligger i er skrivebeskyttet.")]
    [InlineData(10, "Databasen fikk en lese- eller skrivefeil fra disken.")]
    public void A_full_or_read_only_disk_is_told_in_one_sentence_that_says_nothing_was_saved(int code, string reason)
    {
        // As EF hands it over: wrapped in the update exception.
        var wrapped = new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("SQLite Error", code));

        Assert.Equal($"{reason} Ingenting er lagret. Gi beskjed til den som drifter tjenesten.", StorageProblem.Describe(wrapped));
    }

    [Theory]
    [InlineData(5)]   // busy: retried, not a storage problem
    [InlineData(19)]  // constraint
    [InlineData(1)]
    public void Other_database_errors_are_not_storage_problems(int code) =>
        Assert.Null(StorageProblem.Describe(new SqliteException("SQLite Error", code)));
}
