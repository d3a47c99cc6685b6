using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Access;

/// <summary>Every token ever made, newest first, without the secret (which is not stored).</summary>
public sealed record ListApiTokens : IQuery<IReadOnlyList<ApiTokenInfo>>;

public sealed record ApiTokenInfo(int Id, string Name, AccessRole Role, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    internal static ApiTokenInfo From(ApiToken t) => new(t.Id, t.Name, t.Role, t.CreatedBy, t.CreatedAt, t.RevokedAt);
}

public sealed class ListApiTokensHandler(PortfolioDbContext db) : IQueryHandler<ListApiTokens, IReadOnlyList<ApiTokenInfo>>
{
    public async ValueTask<IReadOnlyList<ApiTokenInfo>> Handle(ListApiTokens query, CancellationToken cancellationToken)
    {
        var tokens = await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
        return [.. tokens.Select(ApiTokenInfo.From)];
    }
}
