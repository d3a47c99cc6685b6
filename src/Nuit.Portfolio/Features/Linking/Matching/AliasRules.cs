namespace Nuit.Portfolio.Features.Linking.Matching;

/// <summary>
/// Checks an alias set before it is saved, with messages for the edit forms. The matcher itself tolerates
/// everything reported here (it skips unusable aliases), but a collision would link every case that mentions
/// the alias to two items.
/// </summary>
public static class AliasRules
{
    public const int MinAliasLength = 2;

    public static IReadOnlyList<string> Validate(IEnumerable<MatchItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        var problems = new List<string>();

        foreach (var group in list.GroupBy(i => (i.Kind, Code: (i.Code ?? "").Trim())).Where(g => g.Count() > 1))
            problems.Add($"Koden «{group.Key.Code}» er brukt på flere elementer av samme type.");

        var owners = new Dictionary<string, List<(MatchItem Item, string Alias)>>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            var code = (item.Code ?? "").Trim();
            if (code.Length == 0) problems.Add($"«{item.Name}» mangler kode.");

            foreach (var alias in item.Aliases ?? [])
            {
                if (string.IsNullOrWhiteSpace(alias)) { problems.Add($"{code}: et alias er tomt."); continue; }
                if (AliasText.SignificantCharCount(alias) < MinAliasLength)
                    problems.Add($"{code}: aliaset «{alias.Trim()}» er for kort; det må ha minst {MinAliasLength} bokstaver eller sifre.");
                else if (!alias.Any(char.IsLetter))
                    problems.Add($"{code}: aliaset «{alias.Trim()}» må inneholde minst én bokstav.");
            }

            // The name is matched too, so it takes part in collisions.
            foreach (var alias in (item.Aliases ?? []).Prepend(item.Name).Where(IsUsable).Select(a => a.Trim()))
            {
                var key = AliasText.Normalise(alias);
                if (!owners.TryGetValue(key, out var o)) owners[key] = o = [];
                if (!o.Any(x => ReferenceEquals(x.Item, item))) o.Add((item, alias));
            }
        }

        foreach (var (_, o) in owners.Where(kv => kv.Value.Count > 1).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            problems.Add($"Aliaset «{o[0].Alias}» brukes av flere elementer: {string.Join(", ", o.Select(x => x.Item.Code))}. " +
                         "Saker som nevner det, ville bli koblet til alle.");

        return problems;
    }

    /// <summary>An alias the matcher will use: not empty, at least two letters or digits, at least one letter.</summary>
    internal static bool IsUsable(string? alias) =>
        !string.IsNullOrWhiteSpace(alias)
        && AliasText.SignificantCharCount(alias) >= MinAliasLength
        && alias.Any(char.IsLetter);
}
