using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Access;

/// <summary>Makes an API token with a role. The returned <see cref="NewApiToken.Token"/> is the only copy there will ever be.</summary>
public sealed record CreateApiToken(AccessRole Role, string? Name = null) : ICommand<NewApiToken>;

public sealed record NewApiToken(int Id, string Name, AccessRole Role, string Token);

public sealed class CreateApiTokenValidator : AbstractValidator<CreateApiToken>
{
    public CreateApiTokenValidator()
    {
        RuleFor(x => x.Role).IsInEnum().WithMessage("Rollen må være reader, editor eller admin.");
        RuleFor(x => x.Name).MaximumLength(100);
    }
}

public sealed class CreateApiTokenHandler(PortfolioDbContext db, AuditTrail audit, TimeProvider clock) : ICommandHandler<CreateApiToken, NewApiToken>
{
    public async ValueTask<NewApiToken> Handle(CreateApiToken command, CancellationToken cancellationToken)
    {
        var token = ApiTokens.NewToken();
        var now = clock.GetUtcNow();
        var name = string.IsNullOrWhiteSpace(command.Name) ? $"token {now:yyyy-MM-dd HH:mm:ss}" : command.Name.Trim();
        var entity = db.ApiTokens.Add(new ApiToken
        {
            Name = name,
            Role = command.Role,
            Hash = ApiTokens.HashOf(token),
            CreatedBy = audit.User.Name,
            CreatedAt = now,
        }).Entity;
        audit.Record(null, $"token {name}", "rolle", null, command.Role.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new NewApiToken(entity.Id, name, command.Role, token);
    }
}
