using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Access;

/// <summary>
/// An admin changes a local account's role and/or disables or enables it. The account's Version changes, which ends
/// the user's signed-in sessions at their next request. With <see cref="ExpectedVersion"/> a stale edit is a conflict.
/// </summary>
public sealed record ChangeUser(string UserName, AccessRole? Role = null, bool? Disabled = null, Guid? ExpectedVersion = null) : ICommand<UserInfo>;

public sealed class ChangeUserValidator : AbstractValidator<ChangeUser>
{
    public ChangeUserValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage("Oppgi et brukernavn.").MaximumLength(100);
        RuleFor(x => x.Role).IsInEnum().WithMessage("Rollen må være reader, editor eller admin.");
        RuleFor(x => x).Must(x => x.Role is not null || x.Disabled is not null).WithName("Role")
            .WithMessage("Oppgi ny rolle eller om brukeren skal være deaktivert.");
    }
}

public sealed class ChangeUserHandler(PortfolioDbContext db, AuditTrail audit) : ICommandHandler<ChangeUser, UserInfo>
{
    public async ValueTask<UserInfo> Handle(ChangeUser command, CancellationToken cancellationToken)
    {
        var user = await db.FindForEditAsync(command.UserName, command.ExpectedVersion, cancellationToken);
        var role = command.Role ?? user.Role;
        var disabled = command.Disabled ?? user.Disabled;
        var where = $"bruker «{user.UserName}»";

        if (disabled && !user.Disabled && user.UserName == Passwords.NormalizeName(audit.User.Name))
            throw new InputException("brukere", where, "du kan ikke deaktivere deg selv. Be en annen administrator om å gjøre det.");
        // Someone must always be able to administer the service (and undo a mistake here).
        if (user is { Role: AccessRole.Admin, Disabled: false } && (role != AccessRole.Admin || disabled)
            && !await db.UserAccounts.AnyAsync(u => u.Role == AccessRole.Admin && !u.Disabled && u.Id != user.Id, cancellationToken))
            throw new InputException("brukere", where, "dette er den siste aktive administratoren, og den kan ikke deaktiveres eller få lavere rolle. Gi en annen bruker rollen admin først.");

        var subject = $"bruker {user.UserName}";
        audit.Record(null, subject, "rolle", user.Role.ToString(), role.ToString());
        audit.Record(null, subject, "status", UserAccounts.StateText(user.Disabled), UserAccounts.StateText(disabled));
        user.Role = role;
        user.Disabled = disabled;
        await db.SaveChangesAsync(cancellationToken);
        return UserInfo.From(user);
    }
}
