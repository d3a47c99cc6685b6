using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Tests.Data;

/// <summary>
/// The compiled EF models (Data/CompiledModels, one per provider context) are generated code: a changed entity or
/// configuration does not change them, and a stale one silently reads and writes the old mapping. This test builds the
/// model from the configurations, as every start did before the compiled model, generates the code from it in memory
/// and compares it with the committed files. When it fails, regenerate: src/Nuit.Portfolio/Data/CompiledModels/regenerate.
/// No database is opened.
/// </summary>
public partial class CompiledModelTests
{
    [Theory]
    [InlineData("Sqlite", "PortfolioDbContext")]
    [InlineData("Postgres", "PostgresPortfolioDbContext")]
    public void The_compiled_model_is_what_dotnet_ef_would_generate_from_the_configurations_today(string provider, string context)
    {
        using var built = Context(provider, compiledModel: false);
        var folder = Path.Combine(RepoRoot.Path, "src", "Nuit.Portfolio", "Data", "CompiledModels", provider);

        var generated = Generate(built.Db, $"Nuit.Portfolio.Data.CompiledModels.{provider}")
            // regenerate deletes this one: the hosts choose the model with UseModel, so Database:CompiledModel=false can turn it off.
            .Where(f => f.Path != $"{context}AssemblyAttributes.cs")
            .ToDictionary(f => f.Path, f => Normalise(f.Code));
        var committed = Directory.GetFiles(folder, "*.cs").ToDictionary(f => Path.GetFileName(f), f => Normalise(File.ReadAllText(f)));

        Assert.True(generated.Keys.Order(StringComparer.Ordinal).SequenceEqual(committed.Keys.Order(StringComparer.Ordinal)),
            Stale(provider, "filer: " + string.Join(", ", generated.Keys.Except(committed.Keys).Concat(committed.Keys.Except(generated.Keys)))));
        var changed = generated.Where(f => f.Value != committed[f.Key]).Select(f => f.Key).ToList();
        Assert.True(changed.Count == 0, Stale(provider, string.Join(", ", changed)));
    }

    [Fact]
    public void Each_provider_context_gets_its_own_compiled_model()
    {
        using var sqlite = Context("Sqlite", compiledModel: true);
        using var postgres = Context("Postgres", compiledModel: true);

        Assert.IsType<PortfolioDbContext>(sqlite.Db);
        Assert.IsType<PostgresPortfolioDbContext>(postgres.Db);
        Assert.NotSame(sqlite.Db.Model, postgres.Db.Model);
        // SQLite stores DateTimeOffset as a number (ConfigureConventions); PostgreSQL keeps its own type.
        var changedAt = typeof(Nuit.Portfolio.Domain.ChangeRecord).GetProperties().First(p => p.PropertyType == typeof(DateTimeOffset)).Name;
        Assert.Equal(typeof(long), ProviderType(sqlite.Db, changedAt));
        Assert.Equal(typeof(DateTimeOffset), ProviderType(postgres.Db, changedAt));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Every_sentinel_in_the_compiled_model_reads_back_through_its_converter(string provider)
    {
        using var compiled = Context(provider, compiledModel: true);

        // The compiled model keeps a converted property's sentinel as a provider value (a Quarter's is "0-Q0") and
        // converts it back at the entity's first use; a converter that refuses it fails every page that tracks one.
        foreach (var property in compiled.Db.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
            _ = property.Sentinel;
    }

    private static Type ProviderType(PortfolioDbContext db, string property)
    {
        var mapping = db.Model.FindEntityType(typeof(Nuit.Portfolio.Domain.ChangeRecord))!.FindProperty(property)!.GetTypeMapping();
        return mapping.Converter?.ProviderClrType ?? mapping.ClrType;
    }

    private static string Stale(string provider, string what) =>
        $"Den kompilerte EF-modellen for {provider} er utdatert ({what}). Kjør src/Nuit.Portfolio/Data/CompiledModels/regenerate.";

    /// <summary>
    /// The files `dotnet ef dbcontext optimize` writes, made in memory with the same design-time services it uses
    /// (its own DesignTimeServicesBuilder, hence the internal API) from the design-time model of the context.
    /// </summary>
    private static IReadOnlyCollection<ScaffoldedFile> Generate(PortfolioDbContext db, string modelNamespace)
    {
#pragma warning disable EF1001 // Internal EF API: the one `dotnet ef` itself builds its services with, so the output is the command's.
        var assembly = typeof(PortfolioDbContext).Assembly;
        var services = new DesignTimeServicesBuilder(assembly, assembly, new OperationReporter(null), []).Build(db);
#pragma warning restore EF1001
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = db.GetType(),
            ModelNamespace = modelNamespace,
            Language = "C#",
            UseNullableReferenceTypes = true,
            GeneratedFileNames = new HashSet<string>(),
        };
        return services.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options)
            .GenerateModel(db.GetService<IDesignTimeModel>().Model, options);
    }

    /// <summary>Each generation gives the model a new id; line endings and the byte-order mark depend on the machine.</summary>
    private static string Normalise(string code) =>
        ModelId().Replace(code.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF'), "modelId: new Guid(\"\")");

    [GeneratedRegex("modelId: new Guid\\(\"[0-9a-f-]{36}\"\\)")]
    private static partial Regex ModelId();

    /// <summary>The context as the hosts get it (AddPortfolio), with or without the compiled model.</summary>
    private static Scoped Context(string provider, bool compiledModel)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:CompiledModel"] = compiledModel.ToString(),
            // Never opened: the model is built without a connection.
            ["Database:Path"] = Path.Combine(Path.GetTempPath(), "nuit-compiled-model-test.db"),
            ["ConnectionStrings:Portfolio"] = "Host=127.0.0.1;Database=nuit_compiled_model_test",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPortfolio(configuration).BuildServiceProvider();
        var scope = services.CreateScope();
        return new Scoped(services, scope, scope.ServiceProvider.GetRequiredService<PortfolioDbContext>());
    }

    private sealed record Scoped(ServiceProvider Services, IServiceScope Scope, PortfolioDbContext Db) : IDisposable
    {
        public void Dispose()
        {
            Scope.Dispose();
            Services.Dispose();
        }
    }
}
