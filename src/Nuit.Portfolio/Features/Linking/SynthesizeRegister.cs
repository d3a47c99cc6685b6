using System.Data.Common;
using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>
/// Fills the register with a clearly synthetic one for benchmarks ("cases touching X" at 100,000 cases and
/// 1,000,000 links). Nothing in it can pass for real data: the meetings belong to NUFA and are numbered
/// <c>SYNT-n/yyyy</c>, every case title starts with <c>SYNTETISK</c>, and case numbers run from 1000 in each year
/// (real bodies number a few dozen cases a year). Running it again first removes the earlier synthetic register,
/// so the result depends only on the request (same <see cref="Seed"/>, same rows).
/// </summary>
/// <remarks>
/// Links go to the register's own roadmap items with a skewed (Zipf, exponent 2) choice per case: SFM and the
/// other items early in <see cref="SynthesizeRegisterHandler.FrequentFirst"/> are in nearly every case, the
/// last items in under a tenth. Rows are written with prepared ADO.NET commands inside the command's
/// transaction: EF change tracking for a million rows would take minutes.
/// </remarks>
public sealed record SynthesizeRegister(int Cases, int Links, int Seed = 42) : ICommand<SynthReport>;

public sealed record SynthReport(
    int Meetings, int Cases, int Links, int FirstYear, int LastYear, int RemovedCases, IReadOnlyList<SynthItemCount> PerItem);

public sealed record SynthItemCount(string Item, int Links);

public sealed class SynthesizeRegisterValidator : AbstractValidator<SynthesizeRegister>
{
    public SynthesizeRegisterValidator()
    {
        RuleFor(x => x.Cases).InclusiveBetween(1, SynthesizeRegisterHandler.MaxCases)
            .WithMessage($"--cases må være mellom 1 og {SynthesizeRegisterHandler.MaxCases:N0}.");
        RuleFor(x => x.Links).GreaterThanOrEqualTo(0).WithMessage("--links kan ikke være negativt.");
    }
}

public sealed class SynthesizeRegisterHandler(PortfolioDbContext db) : ICommandHandler<SynthesizeRegister, SynthReport>
{
    public const string MeetingPrefix = "SYNT-";
    public const string TitlePrefix = "SYNTETISK";

    /// <summary>Case numbers 1000–9999 in each year: above any real body's count, within what a case number may hold (four digits).</summary>
    private const int FirstSequence = 1000;
    private const int CasesPerYear = 9000;
    private const int CasesPerMeeting = 100;
    private const int LastYear = 2025;

    /// <summary>Years 2001–2025: a two-digit case year is read as 20yy, so earlier years cannot be written.</summary>
    public const int MaxCases = CasesPerYear * 25;

    /// <summary>The most linked items first, in this order; the rest follow by code. SFM is the example the issue asks about.</summary>
    internal static readonly string[] FrequentFirst = ["SFM", "PLL", "KJERNEJOURNAL", "HELSENORGE", "ERESEPT", "DIGSAM", "EHDS"];

    private static readonly DateTimeOffsetToBinaryConverter DecidedAt = new();

    private static readonly string[] CaseTypes = ["Drøfting", "Orientering", "Godkjenning", "Drøfting", "Orientering/drøfting"];

    public async ValueTask<SynthReport> Handle(SynthesizeRegister command, CancellationToken cancellationToken)
    {
        var items = await db.RoadmapItems.AsNoTracking().Where(i => i.RetiredAt == null).Select(i => new { i.Id, i.Code }).ToListAsync(cancellationToken);
        if (items.Count == 0)
            throw new InputException("synth", null, "Registeret har ingen mål, delmål, tiltak eller indikatorer å koble til. Kjør «nuit seed» først.");
        var ranked = items.OrderBy(i => Array.IndexOf(FrequentFirst, i.Code) is var r && r >= 0 ? r : FrequentFirst.Length)
            .ThenBy(i => i.Code, StringComparer.Ordinal).ToArray();
        if (command.Links > (long)command.Cases * ranked.Length)
            throw new InputException("synth", "--links",
                $"{command.Links:N0} koblinger går ikke på {command.Cases:N0} saker og {ranked.Length} elementer (høyst én kobling per sak og element).");
        var nufa = await db.Bodies.Where(b => b.Code == BodyCode.Nufa).Select(b => (int?)b.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InputException("synth", null, "Organet NUFA mangler i registeret.");

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);
        // The transaction behaviour has opened one for this command; alone (a test calling the handler) it makes its own.
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();

        var removed = await RemoveEarlierAsync(connection, transaction, cancellationToken);
        var random = new Random(command.Seed);
        var years = (command.Cases + CasesPerYear - 1) / CasesPerYear;
        var firstYear = LastYear - years + 1;

        var nextMeetingId = await NextIdAsync(connection, transaction, "Meetings", cancellationToken);
        var nextCaseId = await NextIdAsync(connection, transaction, "Cases", cancellationToken);
        var nextLinkId = await NextIdAsync(connection, transaction, "CaseLinks", cancellationToken);

        using var insertMeeting = Prepare(connection, transaction,
            "INSERT INTO Meetings (Id, BodyId, Number, Date, Place, HasAgenda, HasMinutes) VALUES ($id, $body, $number, $date, 'Syntetisk', 0, 1)",
            "$id", "$body", "$number", "$date");
        using var insertCase = Prepare(connection, transaction,
            "INSERT INTO Cases (Id, BodyId, Number, Year, Sequence, MeetingId, MeetingDate, Title, Type, AgendaOrder, Officers, Decision, DecisionUpdated, Version) " +
            "VALUES ($id, $body, $number, $year, $seq, $meeting, $date, $title, $type, $order, '[]', $decision, 0, $version)",
            "$id", "$body", "$number", "$year", "$seq", "$meeting", "$date", "$title", "$type", "$order", "$decision", "$version");
        using var insertLink = Prepare(connection, transaction,
            "INSERT INTO CaseLinks (Id, CaseId, ItemId, MeetingDate, State, Origin, Score, Evidence, DecidedBy, DecidedAt, Version) " +
            "VALUES ($id, $case, $item, $date, $state, $origin, $score, '[]', $by, $at, $version)",
            "$id", "$case", "$item", "$date", "$state", "$origin", "$score", "$by", "$at", "$version");

        // Links per case: the average, with the remainder spread over randomly chosen cases so the total is exact.
        var basePerCase = command.Links / command.Cases;
        var extra = new bool[command.Cases];
        foreach (var i in Enumerable.Range(0, command.Cases).OrderBy(_ => random.Next()).Take(command.Links % command.Cases)) extra[i] = true;

        var weights = ranked.Select((_, r) => 1.0 / ((r + 1.0) * (r + 1.0))).ToArray();
        var perItem = new int[ranked.Length];
        var keys = new (double Key, int Index)[ranked.Length];
        int meetings = 0, caseIndex = 0;

        for (var year = firstYear; year <= LastYear && caseIndex < command.Cases; year++)
        {
            var casesThisYear = Math.Min(CasesPerYear, command.Cases - caseIndex);
            var meetingsThisYear = (casesThisYear + CasesPerMeeting - 1) / CasesPerMeeting;
            for (var m = 0; m < meetingsThisYear; m++)
            {
                // Spread over the year, one meeting every few days.
                var date = new DateOnly(year, 1, 2).AddDays(m * 360 / meetingsThisYear);
                var meetingId = nextMeetingId++;
                // Decisions are dated the day after the meeting, stored as EF stores a DateTimeOffset in SQLite.
                var decidedAt = DecidedAt.ConvertToProvider(new DateTimeOffset(date.AddDays(1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
                meetings++;
                Run(insertMeeting, meetingId, nufa, $"{MeetingPrefix}{m + 1}/{year}", Iso(date));

                var inMeeting = Math.Min(CasesPerMeeting, casesThisYear - m * CasesPerMeeting);
                for (var c = 0; c < inMeeting; c++, caseIndex++)
                {
                    var seq = FirstSequence + m * CasesPerMeeting + c;
                    var number = $"{seq}/{year % 100:00}";
                    var caseId = nextCaseId++;
                    Run(insertCase, caseId, nufa, number, year, seq, meetingId, Iso(date), $"{TitlePrefix} sak {number}",
                        CaseTypes[random.Next(CaseTypes.Length)], c + 1, "Syntetisk vedtak.", NewVersion(random));

                    // Weighted choice without replacement (Efraimidis–Spirakis): key u^(1/w), keep the k largest.
                    var k = Math.Min(ranked.Length, basePerCase + (extra[caseIndex] ? 1 : 0));
                    for (var i = 0; i < ranked.Length; i++) keys[i] = (Math.Pow(random.NextDouble(), 1 / weights[i]), i);
                    Array.Sort(keys, (a, b) => b.Key.CompareTo(a.Key));
                    for (var j = 0; j < k; j++)
                    {
                        var item = keys[j].Index;
                        perItem[item]++;
                        var roll = random.NextDouble();
                        var (state, origin, by) = roll switch
                        {
                            < 0.05 => (LinkState.Rejected, LinkOrigin.Matcher, "syntetisk"),
                            < 0.15 => (LinkState.Confirmed, LinkOrigin.Matcher, "syntetisk"),
                            < 0.17 => (LinkState.Confirmed, LinkOrigin.Manual, "syntetisk"),
                            _ => (LinkState.Suggested, LinkOrigin.Matcher, (string?)null),
                        };
                        Run(insertLink, nextLinkId++, caseId, ranked[item].Id, Iso(date), (int)state, (int)origin,
                            Math.Round(0.15 + 0.85 * random.NextDouble(), 4), by, by is null ? null : decidedAt, NewVersion(random));
                    }
                }
            }
        }

        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(cancellationToken);
            await ownTransaction.DisposeAsync();
        }
        return new SynthReport(meetings, caseIndex, perItem.Sum(), firstYear, LastYear, removed,
            [.. ranked.Select((item, i) => new SynthItemCount(item.Code, perItem[i])).OrderByDescending(x => x.Links).ThenBy(x => x.Item, StringComparer.Ordinal)]);
    }

    /// <summary>Removes an earlier synthetic register: links, cases and meetings of meetings numbered SYNT-…; returns the number of cases.</summary>
    private static async Task<int> RemoveEarlierAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        const string synthetic = $"SELECT Id FROM Meetings WHERE Number LIKE '{MeetingPrefix}%'";
        await ExecuteAsync(connection, transaction, $"DELETE FROM CaseLinks WHERE CaseId IN (SELECT Id FROM Cases WHERE MeetingId IN ({synthetic}))", ct);
        var cases = await ExecuteAsync(connection, transaction, $"DELETE FROM Cases WHERE MeetingId IN ({synthetic})", ct);
        await ExecuteAsync(connection, transaction, $"DELETE FROM Meetings WHERE Number LIKE '{MeetingPrefix}%'", ct);
        return cases;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> NextIdAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"SELECT COALESCE(MAX(Id), 0) + 1 FROM {table}";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            cmd.Parameters.Add(p);
        }
        cmd.Prepare();
        return cmd;
    }

    /// <summary>Synchronous on purpose: a million awaited inserts would cost more in state machines than in SQLite.</summary>
    private static void Run(DbCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        cmd.ExecuteNonQuery();
    }

    /// <summary>As EF stores them in SQLite: dates as yyyy-MM-dd, GUIDs as upper-case text.</summary>
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>From the seeded generator, not Guid.NewGuid, so the same seed gives the same rows.</summary>
    private static string NewVersion(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString().ToUpperInvariant();
    }
}
