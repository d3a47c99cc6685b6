using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Meetings;

/// <summary>A stored original as it was imported (agenda, minutes), to open from the meeting page.</summary>
public sealed record GetSourceDocument(int Id) : IQuery<StoredOriginal>;

public sealed record StoredOriginal(string FileName, string ContentType, byte[] Content);

public sealed class GetSourceDocumentHandler(PortfolioDbContext db) : IQueryHandler<GetSourceDocument, StoredOriginal>
{
    public async ValueTask<StoredOriginal> Handle(GetSourceDocument query, CancellationToken cancellationToken) =>
        await db.SourceDocuments.AsNoTracking().Where(d => d.Id == query.Id)
            .Select(d => new StoredOriginal(d.FileName, d.ContentType, d.Content))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException($"Finner ikke dokument {query.Id}. Det kan være slettet ved en gjenoppretting; åpne møtet på nytt.");
}
