using System.CommandLine;
using System.Globalization;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;

namespace Nuit.Portfolio.Cli.Commands;

/// <summary>nuit users | tokens | audit | backup | restore — access, the audit trail and safe copies of the data.</summary>
public static class AccessCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(Users());
        root.Subcommands.Add(Tokens());
        root.Subcommands.Add(Audit());
        root.Subcommands.Add(Backup());
        root.Subcommands.Add(Restore());
    }

    private static Option<string> RoleOption() => new("--role")
    {
        Description = "Rolle: reader, editor eller admin.",
        Required = true,
        CustomParser = r => r.Tokens.Count == 1 && Enum.TryParse<AccessRole>(r.Tokens[0].Value, true, out var role) && Enum.IsDefined(role)
            ? role.ToString()
            : Fail(r),
    };

    private static string Fail(System.CommandLine.Parsing.ArgumentResult r)
    {
        r.AddError("--role må være reader, editor eller admin.");
        return "";
    }

    private static Command Users()
    {
        var name = new Argument<string>("NAVN") { Description = "Brukernavnet." };
        var role = RoleOption();
        var add = new Command("add", "Legger til en lokal bruker med et engangspassord (vises én gang, må byttes ved første innlogging).") { name, role };
        add.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var user = await sender.Send(new AddUser(parse.GetValue(name)!, Enum.Parse<AccessRole>(parse.GetValue(role)!)), token);
            if (format == OutputFormat.Json) { Output.WriteJson(user); return; }
            Console.Out.WriteLine($"Bruker {user.UserName} ({user.Role}) er opprettet. Engangspassord (vises bare nå):");
            Console.Out.WriteLine(user.OneTimePassword);
        }, ct));

        var list = new Command("list", "Viser de lokale brukerne: rolle, status, siste innlogging.");
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var users = await sender.Send(new ListUsers(), token);
            if (format == OutputFormat.Json) { Output.WriteJson(users); return; }
            Output.WriteTable(["Navn", "Rolle", "Status", "Må bytte passord", "Opprettet", "Sist innlogget"], users.Select(u => new[]
            {
                u.UserName, u.Role.ToString(), UserAccounts.StateText(u.Disabled), u.MustChangePassword ? "ja" : "nei",
                Iso(u.CreatedAt), u.LastSignInAt is { } at ? Iso(at) : "aldri",
            }));
        }, ct));

        var roleName = new Argument<string>("NAVN") { Description = "Brukernavnet." };
        var newRole = RoleOption();
        var changeRole = new Command("role", "Gir brukeren en ny rolle; brukeren må logge inn på nytt.") { roleName, newRole };
        changeRole.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            WriteChanged(await sender.Send(new ChangeUser(parse.GetValue(roleName)!, Role: Enum.Parse<AccessRole>(parse.GetValue(newRole)!)), token), format), ct));

        var reset = new Command("reset-password", "Gir brukeren et nytt engangspassord. Det skrives alene på siste linje og vises bare nå.") { name };
        reset.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var user = await sender.Send(new ResetPassword(parse.GetValue(name)!), token);
            if (format == OutputFormat.Json) { Output.WriteJson(user); return; }
            Console.Out.WriteLine($"Bruker {user.UserName} har fått et nytt engangspassord og må velge et eget ved neste innlogging. Det vises bare nå:");
            Console.Out.WriteLine(user.OneTimePassword);
        }, ct));

        return new Command("users", "Lokale brukere.") { add, list, changeRole, Disabled("disable", true), Disabled("enable", false), reset };
    }

    /// <summary>nuit users disable|enable NAVN.</summary>
    private static Command Disabled(string verb, bool disabled)
    {
        var name = new Argument<string>("NAVN") { Description = "Brukernavnet." };
        var command = new Command(verb, disabled
            ? "Deaktiverer brukeren: innlogging nektes, og en pågående økt avsluttes ved neste forespørsel."
            : "Aktiverer en deaktivert bruker igjen.") { name };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            WriteChanged(await sender.Send(new ChangeUser(parse.GetValue(name)!, Disabled: disabled), token), format), ct));
        return command;
    }

    private static void WriteChanged(UserInfo user, OutputFormat format)
    {
        if (format == OutputFormat.Json) Output.WriteJson(user);
        else Console.Out.WriteLine($"Bruker {user.UserName}: rolle {user.Role}, {UserAccounts.StateText(user.Disabled)}.");
    }

    private static Command Tokens()
    {
        var role = RoleOption();
        var tokenName = new Option<string?>("--name") { Description = "Hva tokenet brukes til, f.eks. «overvåking»." };
        var create = new Command("create", "Lager et API-token. Tokenet skrives alene på siste linje og vises bare denne ene gangen.") { role, tokenName };
        create.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var created = await sender.Send(new CreateApiToken(Enum.Parse<AccessRole>(parse.GetValue(role)!), parse.GetValue(tokenName)), token);
            if (format == OutputFormat.Json) { Output.WriteJson(created); return; }
            Console.Out.WriteLine($"Token {created.Id} «{created.Name}» ({created.Role}). Send det som «Authorization: Bearer …». Det vises bare nå:");
            Console.Out.WriteLine(created.Token);
        }, ct));

        var which = new Argument<string>("TOKEN") { Description = "Tokenets nummer eller navn (se `nuit tokens list`)." };
        var revoke = new Command("revoke", "Tilbakekaller et API-token; det virker ikke lenger fra neste forespørsel.") { which };
        revoke.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var revoked = await sender.Send(new RevokeApiToken(parse.GetValue(which)!), token);
            if (format == OutputFormat.Json) Output.WriteJson(revoked);
            else Console.Out.WriteLine($"Token {revoked.Id} «{revoked.Name}» er tilbakekalt.");
        }, ct));

        var list = new Command("list", "Viser alle API-tokens (uten selve tokenet, som ikke lagres).");
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var tokens = await sender.Send(new ListApiTokens(), token);
            if (format == OutputFormat.Json) { Output.WriteJson(tokens); return; }
            Output.WriteTable(["Nr", "Navn", "Rolle", "Laget av", "Laget", "Status"], tokens.Select(t => new[]
            {
                t.Id.ToString(CultureInfo.InvariantCulture), t.Name, t.Role.ToString(), t.CreatedBy, Iso(t.CreatedAt),
                t.RevokedAt is { } r ? $"tilbakekalt {Iso(r)}" : "aktiv",
            }));
        }, ct));
        return new Command("tokens", "API-tokens for skript og overvåking.") { create, revoke, list };
    }

    private static Command Audit()
    {
        var export = new Option<string?>("--export") { Description = "Skriv hele endringsloggen til denne filen: Excel når navnet slutter på .xlsx, ellers CSV." };
        var withoutNames = new Option<bool>("--without-names") { Description = "Erstatt personnavn med rolle eller «anonymisert»." };
        var item = new Option<string?>("--item") { Description = "Bare endringer for dette elementet (kode)." };
        var audit = new Command("audit", "Viser endringsloggen (hvem, når, hva, før og etter), eller eksporterer den.") { export, withoutNames, item };
        audit.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            if (parse.GetValue(export) is { } path)
            {
                var file = await sender.Send(new ExportAuditTrail(parse.GetValue(withoutNames), parse.GetValue(item), AuditExport.FormatFor(path)), token);
                Console.Out.WriteLine($"Endringsloggen er skrevet til {await OutputFiles.WriteAsync(path, file.Content, token)}.");
                return;
            }
            var entries = await sender.Send(new GetAuditTrail(parse.GetValue(item), Limit: 200, WithoutNames: parse.GetValue(withoutNames)), token);
            if (format == OutputFormat.Json) { Output.WriteJson(entries); return; }
            Output.WriteTable(["Tidspunkt", "Element", "Gjelder", "Felt", "Før", "Etter", "Av", "Via"], entries.Select(e => new[]
            {
                Iso(e.At), e.Item, e.Subject, e.Field, e.Old, e.New, e.By, e.Via,
            }));
        }, ct, seed: false));
        return audit;
    }

    private static Command Backup()
    {
        var output = new Option<string>("--out") { Description = "Filen sikkerhetskopien skrives til.", Required = true };
        var backup = new Command("backup", "Lager en konsistent sikkerhetskopi av databasen (SQLite online backup), også mens tjenesten kjører.") { output };
        backup.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var result = await sender.Send(new BackupDatabase(parse.GetValue(output)!), token);
            if (format == OutputFormat.Json) Output.WriteJson(result);
            else Console.Out.WriteLine($"Sikkerhetskopi skrevet til {result.Path} ({result.Bytes} byte).");
        }, ct, seed: false));
        return backup;
    }

    private static Command Restore()
    {
        var file = new Argument<string>("FIL") { Description = "Sikkerhetskopien (fra `nuit backup`)." };
        var restore = new Command("restore", "Erstatter databasen med en sikkerhetskopi; den gamle beholdes ved siden av. Stopp tjenesten først.") { file };
        restore.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var result = await sender.Send(new RestoreDatabase(parse.GetValue(file)!), token);
            if (format == OutputFormat.Json) { Output.WriteJson(result); return; }
            Console.Out.WriteLine($"Databasen er hentet fra {result.Restored}" + (result.MigrationsApplied > 0 ? $" og oppdatert med {result.MigrationsApplied} migrering(er)." : "."));
            Console.Out.WriteLine($"Den forrige databasen er beholdt i {result.PreviousKeptAt}.");
        }, ct, seed: false));
        return restore;
    }

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
