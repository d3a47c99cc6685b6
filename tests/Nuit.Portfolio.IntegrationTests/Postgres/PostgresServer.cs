namespace Nuit.Portfolio.IntegrationTests.Postgres;

/// <summary>
/// The tests that use the run's PostgreSQL server in the SQLite pass run one class at a time: the restart tests stop and
/// start that server, and a PostgreSQL test running beside them lost its connection in the middle.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresServer
{
    public const string Name = "PostgreSQL-serveren";
}
