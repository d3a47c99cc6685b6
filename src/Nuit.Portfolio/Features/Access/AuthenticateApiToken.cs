using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Access;

/// <summary>Who a bearer token belongs to; null for an unknown or revoked token.</summary>
public sealed record AuthenticateApiToken(string Token) : IQuery<TokenIdentity?>;

public sealed record TokenIdentity(string Name, AccessRole Role);

public sealed class AuthenticateApiTokenHandler(PortfolioDbContext db) : IQueryHandler<AuthenticateApiToken, TokenIdentity?>
{
    /// <summary>
    /// Every API request asks this first (issue 18), so the lookup is compiled once. It is still asked on every
    /// request, never cached: a token revoked by another process (the CLI, another instance) stops at its next request.
    /// </summary>
    private static readonly CompiledPerModel<Func<PortfolioDbContext, string, CancellationToken, Task<TokenIdentity?>>> Lookup = new(() =>
        EF.CompileAsyncQuery((PortfolioDbContext db, string hash, CancellationToken _) =>
            db.ApiTokens.AsNoTracking()
                .Where(t => t.Hash == hash && t.RevokedAt == null)
                .Select(t => new TokenIdentity("token:" + t.Name, t.Role))
                .FirstOrDefault()));

    public async ValueTask<TokenIdentity?> Handle(AuthenticateApiToken query, CancellationToken cancellationToken)
    {
        if (!query.Token.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal) || query.Token.Length > 200) return null;
        // Looked up by hash: the comparison is on a digest, so its timing says nothing about the token.
        return await Lookup.For(db)(db, ApiTokens.HashOf(query.Token), cancellationToken);
    }
}
