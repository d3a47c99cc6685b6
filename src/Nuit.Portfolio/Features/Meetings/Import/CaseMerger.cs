using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings.Parsing;

namespace Nuit.Portfolio.Features.Meetings.Import;

/// <summary>
/// Applies what one document says about a case onto the stored case and names every change.
/// A document only speaks for what it contains: an agenda brings the proposed decision and cover note,
/// minutes bring the decision, inputs and action points; an empty field never erases a stored one.
/// Applying the same document twice therefore changes nothing. A planned meeting's draft is applied with no document.
/// </summary>
internal static class CaseMerger
{
    public static List<string> Apply(Case target, ParsedCase source, SourceDocument? document)
    {
        var changes = new List<string>();

        void Set<T>(string field, T current, T? incoming, Action<T> assign)
        {
            if (incoming is null || (incoming is string s && string.IsNullOrWhiteSpace(s))) return;
            if (EqualityComparer<T>.Default.Equals(current, incoming)) return;
            assign(incoming);
            changes.Add(field);
        }

        Set("tittel", target.Title, source.Title, v => target.Title = v);
        Set("sakstype", target.Type, source.Type, v => target.Type = v);
        Set("rekkefølge", target.AgendaOrder, source.AgendaOrder, v => target.AgendaOrder = v);
        Set("tidspunkt", target.TimeSlot, source.TimeSlot, v => target.TimeSlot = v);
        Set("sakseier", target.Owner, source.Owner, v => target.Owner = v);
        Set("forslag til vedtak", target.ProposedDecision, source.ProposedDecision, v => target.ProposedDecision = v);
        if (!string.IsNullOrWhiteSpace(source.Decision))
        {
            Set("vedtak", target.Decision, source.Decision, v => target.Decision = v);
            Set("vedtak oppdatert", target.DecisionUpdated, source.DecisionUpdated, v => target.DecisionUpdated = v);
        }
        if (source.Officers.Count > 0 && !target.Officers.SequenceEqual(source.Officers))
        {
            target.Officers = [.. source.Officers];
            changes.Add("saksbehandlere");
        }

        if (source.Inputs.Count > 0 && !target.Inputs.OrderBy(i => i.Order).Select(i => i.Text).SequenceEqual(source.Inputs))
        {
            target.Inputs.Clear();
            target.Inputs.AddRange(source.Inputs.Select((text, i) => new CaseInput { Order = i + 1, Text = text }));
            changes.Add("innspill");
        }

        if (source.ActionPoints.Count > 0 && !target.ActionPoints.OrderBy(a => a.Order).Select(a => a.Text).SequenceEqual(source.ActionPoints))
        {
            // Status set by people (closed) survives when the same action point text comes again.
            var previous = target.ActionPoints.ToDictionary(a => a.Text, a => a, StringComparer.Ordinal);
            target.ActionPoints.Clear();
            target.ActionPoints.AddRange(source.ActionPoints.Select((text, i) => previous.TryGetValue(text, out var old)
                ? Reorder(old, i + 1)
                : new ActionPoint { Order = i + 1, Text = text }));
            changes.Add("aksjonspunkter");
        }

        if (source.Attachments.Count > 0 && !target.Attachments.Select(a => (a.Number, a.Title)).Order()
                .SequenceEqual(source.Attachments.Select(a => (a.Number, a.Title)).Order()))
        {
            target.Attachments.Clear();
            target.Attachments.AddRange(source.Attachments.Select(a => new CaseAttachment { Number = a.Number, Title = a.Title }));
            changes.Add("vedlegg");
        }

        // Only the cover note's table is the document's to replace; references read from running text are the ledger's.
        var table = target.References.Where(r => r.Kind == ReferenceKind.Table).ToList();
        if (source.References.Count > 0 && !table.Select(r => r.RawText).SequenceEqual(source.References.Select(r => r.RawText)))
        {
            foreach (var old in table) target.References.Remove(old);
            target.References.AddRange(source.References.Select(r => new CaseReference
            {
                ReferencedBody = r.Case.Body,
                ReferencedNumber = r.Case.Number.ToString(),
                Date = r.Date,
                DecisionText = r.DecisionText,
                RawText = r.RawText,
            }));
            changes.Add("tidligere behandlinger");
        }

        // Sections are replaced per kind: the document that has a "Bakgrunn" speaks for the case's "Bakgrunn".
        foreach (var group in source.Sections.GroupBy(s => s.Kind))
        {
            var incoming = group.ToList();
            var existing = target.Sections.Where(s => s.Kind == group.Key).OrderBy(s => s.FirstLine ?? 0).ToList();
            if (existing.Select(s => s.Text).SequenceEqual(incoming.Select(s => s.Text))) continue;
            foreach (var old in existing) target.Sections.Remove(old);
            target.Sections.AddRange(incoming.Select(s => new CaseSection
            {
                Kind = s.Kind,
                Text = s.Text,
                Document = document,
                FirstLine = s.Source.FirstLine,
                LastLine = s.Source.LastLine,
                Page = s.Source.Page,
            }));
            changes.Add($"tekst «{group.Key}»");
        }
        return changes;
    }

    private static ActionPoint Reorder(ActionPoint point, int order)
    {
        point.Order = order;
        return point;
    }
}
