using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Seeding;

/// <summary>Reads and checks seed-data/strategy.json. Pure: text in, a checked <see cref="SeedFile"/> out, or an error naming the field.</summary>
public static class SeedLoader
{
    public const string StrategyFileName = "strategy.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field would otherwise be ignored silently and its data never loaded.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static SeedFile Parse(string json, string fileName)
    {
        SeedFile? file;
        try
        {
            file = JsonSerializer.Deserialize<SeedFile>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"linje {line + 1}, felt {ex.Path}" : $"felt {ex.Path}";
            throw new InputException(fileName, where, Explain(ex), ex);
        }
        if (file is null) throw new InputException(fileName, null, "Filen er tom.");
        Check(file, fileName);
        return file;
    }

    private static string Explain(JsonException ex)
    {
        var m = ex.Message;
        if (m.Contains("missing required properties", StringComparison.OrdinalIgnoreCase))
            return "påkrevd felt mangler (" + m[(m.IndexOf("including:", StringComparison.Ordinal) is var i and >= 0 ? i + 10 : 0)..].Split('.')[0].Trim() + ").";
        if (m.Contains("could not be mapped", StringComparison.OrdinalIgnoreCase))
            return "ukjent felt (skrivefeil?).";
        return "ugyldig JSON eller feil type: " + m.Split(" Path:")[0];
    }

    private static void Check(SeedFile f, string fileName)
    {
        void Fail(string field, string reason) => throw new InputException(fileName, $"felt {field}", reason);

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Code(string field, string code)
        {
            if (RoadmapCodes.CodeProblem(code) is { } problem) Fail(field, problem);
            if (!codes.Add(code)) Fail(field, $"koden «{code}» finnes fra før; koder må være unike.");
        }

        if (f.Strategy.FirstYear > f.Strategy.LastYear) Fail("strategy.lastYear", "sluttåret er før startåret.");
        if (f.Goals.Count == 0) Fail("goals", "strategien har ingen mål.");

        for (var i = 0; i < f.Goals.Count; i++)
        {
            var g = f.Goals[i];
            Code($"goals[{i}].code", g.Code);
            if (RoadmapCodes.GoalCodeProblem(g.Code) is { } goalProblem) Fail($"goals[{i}].code", goalProblem);
            for (var j = 0; j < g.SubGoals.Count; j++)
            {
                var s = g.SubGoals[j];
                Code($"goals[{i}].subGoals[{j}].code", s.Code);
                if (RoadmapCodes.SubGoalCodeProblem(s.Code, g.Code) is { } subProblem) Fail($"goals[{i}].subGoals[{j}].code", subProblem);
            }
        }

        var subGoals = f.Goals.SelectMany(g => g.SubGoals).Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var goals = f.Goals.Select(g => g.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < f.Initiatives.Count; i++)
        {
            var n = f.Initiatives[i];
            Code($"initiatives[{i}].code", n.Code);
            if (n.Phase is not null && !TryPhase(n.Phase, out _))
                Fail($"initiatives[{i}].phase", $"ukjent fase «{n.Phase}». Bruk Konsept, Nasjonal utvikling, Tilpasning, Innføring eller Ny praksis i bruk.");
            for (var j = 0; j < n.SubGoals.Count; j++)
                if (!subGoals.Contains(n.SubGoals[j])) Fail($"initiatives[{i}].subGoals[{j}]", $"delmålet «{n.SubGoals[j]}» finnes ikke.");
            for (var j = 0; j < n.Milestones.Count; j++)
            {
                var m = n.Milestones[j];
                foreach (var (name, value) in new[] { ("planned", m.Planned), ("forecast", m.Forecast), ("actual", m.Actual) })
                    if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                        Fail($"initiatives[{i}].milestones[{j}].{name}", $"«{value}» er ikke en dato på formen ÅÅÅÅ-MM-DD.");
            }
        }

        for (var i = 0; i < f.Indicators.Count; i++)
        {
            var d = f.Indicators[i];
            Code($"indicators[{i}].code", d.Code);
            if (!goals.Contains(d.Goal)) Fail($"indicators[{i}].goal", $"målet «{d.Goal}» finnes ikke.");
            if (!TryDirection(d.Direction, out _)) Fail($"indicators[{i}].direction", "retning må være «higher» eller «lower».");
            if (!TryPeriodicity(d.Periodicity, out _)) Fail($"indicators[{i}].periodicity", "periodisitet må være «year» eller «quarter».");
            CheckValues($"indicators[{i}].values", d.Values, requireSource: true);
            CheckValues($"indicators[{i}].targets", d.Targets, requireSource: false);
        }

        void CheckValues(string field, IReadOnlyList<SeedValue> values, bool requireSource)
        {
            var seen = new HashSet<string>();
            for (var j = 0; j < values.Count; j++)
            {
                var v = values[j];
                if (!Period.TryParse(v.Period, out var p)) Fail($"{field}[{j}].period", $"«{v.Period}» er ikke en periode. Skriv 2023 eller 2025-Q1.");
                if (!seen.Add(p.ToString())) Fail($"{field}[{j}].period", $"perioden {p} står to ganger.");
                // Seed values must be real and sourced: an unsourced number would be presented as fact.
                if (requireSource && string.IsNullOrWhiteSpace(v.Source)) Fail($"{field}[{j}].source", "verdien mangler kilde.");
            }
        }
    }

    public static bool TryPhase(string text, out InitiativePhase phase)
    {
        phase = default;
        switch (text.Trim().ToLowerInvariant())
        {
            case "konsept": phase = InitiativePhase.Konsept; return true;
            case "nasjonal utvikling": phase = InitiativePhase.NasjonalUtvikling; return true;
            case "tilpasning": phase = InitiativePhase.Tilpasning; return true;
            case "innføring": phase = InitiativePhase.Innforing; return true;
            case "ny praksis i bruk": phase = InitiativePhase.NyPraksisIBruk; return true;
            default: return false;
        }
    }

    public static bool TryDirection(string text, out IndicatorDirection direction)
    {
        direction = text.Trim().ToLowerInvariant() switch
        {
            "higher" => IndicatorDirection.HigherIsBetter,
            "lower" => IndicatorDirection.LowerIsBetter,
            _ => 0,
        };
        return direction != 0;
    }

    public static bool TryPeriodicity(string text, out Periodicity periodicity)
    {
        periodicity = text.Trim().ToLowerInvariant() switch
        {
            "year" => Periodicity.Year,
            "quarter" => Periodicity.Quarter,
            _ => 0,
        };
        return periodicity != 0;
    }
}
