using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Access;

/// <summary>Revokes a token by its number or name; it stops working at the next request.</summary>
public sealed record RevokeApiToken(string IdOrName) : ICommand<ApiTokenInfo>;

public sealed class RevokeApiTokenHandler(PortfolioDbContext db, AuditTrail audit, TimeProvider clock) : ICommandHandler<RevokeApiToken, ApiTokenInfo>
{
    public async ValueTask<ApiTokenInfo> Handle(RevokeApiToken command, CancellationToken cancellationToken)
    {
        var key = command.IdOrName.Trim();
        var matches = int.TryParse(key, out var id)
            ? await db.ApiTokens.Where(t => t.Id == id).ToListAsync(cancellationToken)
            : await db.ApiTokens.Where(t => t.Name == key && t.RevokedAt == null).ToListAsync(cancellationToken);
        var token = matches.Count switch
        {
            0 => throw new NotFoundException($"Finner ikke tokenet «{key}». Se `nuit tokens list`."),
            1 => matches[0],
            _ => throw new InputException("tokens", $"navn «{key}»", "flere tokens har dette navnet; oppgi nummeret."),
        };
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            token.RevokedBy = audit.User.Name;
            audit.Record(null, $"token {token.Name}", "status", "aktiv", "tilbakekalt");
            await db.SaveChangesAsync(cancellationToken);
        }
        return ApiTokenInfo.From(token);
    }
}
