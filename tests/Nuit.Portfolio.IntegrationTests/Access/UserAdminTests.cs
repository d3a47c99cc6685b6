using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Access;

/// <summary>Admins list, disable, enable, re-role and reset local users, by API, CLI and pages; sessions follow at once.</summary>
public sealed partial class UserAdminTests : IDisposable
{
    private const string KariPassword = "karis-eget-passord";
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private async Task<PortfolioApp> AppAsync(AccessRole kariRole = AccessRole.Editor)
    {
        var app = new PortfolioApp(_folder.DatabasePath, seed: false);
        await app.SendAsync(new AddUser("kari", kariRole, KariPassword));
        return app;
    }

    /// <summary>A browser signed in on the page as the first admin (a cookie, not a token).</summary>
    private static async Task<HttpClient> AdminBrowserAsync(PortfolioApp app)
    {
        var browser = SignInTests.Browser(app);
        await SignInTests.SignInAsync(browser, "admin", PortfolioApp.AdminPassword);
        return browser;
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string user, object change) =>
        await client.PatchAsJsonAsync($"/api/users/{user}", change, Ct);

    private static async Task<UserInfo> UserAsync(HttpClient admin, string name) =>
        (await admin.GetFromJsonAsync<List<UserInfo>>("/api/users", Ct))!.Single(u => u.UserName == name);

    private static async Task<List<ChangeRecord>> RecordsAsync(PortfolioApp app, string subject) =>
        await app.WithDbAsync(db => db.ChangeRecords.Where(r => r.Subject == subject).OrderBy(r => r.Id).ToListAsync(Ct));

    [Fact]
    public async Task An_admin_lists_disables_enables_and_changes_the_role_of_a_user_through_the_api()
    {
        await using var app = await AppAsync();
        var admin = app.CreateClient();

        var kari = await UserAsync(admin, "kari");
        Assert.Equal((AccessRole.Editor, false, false, null), (kari.Role, kari.Disabled, kari.MustChangePassword, kari.LastSignInAt));
        Assert.Contains(await admin.GetFromJsonAsync<List<UserInfo>>("/api/users", Ct) ?? [], u => u is { UserName: "admin", Role: AccessRole.Admin });

        var disabled = await PatchAsync(admin, "KARI", new { disabled = true });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var after = (await disabled.Content.ReadFromJsonAsync<UserInfo>(Ct))!;
        Assert.True(after.Disabled);
        Assert.NotEqual(kari.Version, after.Version);
        Assert.Null(await app.SendAsync(new SignIn("kari", KariPassword)));

        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(admin, "kari", new { disabled = false })).StatusCode);
        Assert.NotNull(await app.SendAsync(new SignIn("kari", KariPassword)));
        var promoted = await (await PatchAsync(admin, "kari", new { role = "Admin", expectedVersion = (await UserAsync(admin, "kari")).Version }))
            .Content.ReadFromJsonAsync<UserInfo>(Ct);
        Assert.Equal(AccessRole.Admin, promoted!.Role);
        Assert.NotNull((await UserAsync(admin, "kari")).LastSignInAt);

        var records = await RecordsAsync(app, "bruker kari");
        Assert.Equal(
            [("rolle", null, "Editor"), ("status", "aktiv", "deaktivert"), ("status", "deaktivert", "aktiv"), ("rolle", "Editor", "Admin")],
            records.Select(r => (r.Field, r.OldValue, r.NewValue)));
        Assert.All(records.Skip(1), r => Assert.Equal(("token:test-Admin", "api"), (r.ChangedBy, r.Via)));
    }

    [Fact]
    public async Task Resetting_a_password_gives_a_one_time_password_that_must_be_changed_and_audits_no_secret()
    {
        await using var app = await AppAsync();
        var admin = app.CreateClient();

        var reset = await admin.PostAsync(Url("/api/users/kari/reset-password"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var oneTime = (await reset.Content.ReadFromJsonAsync<NewUser>(Ct))!.OneTimePassword!;

        Assert.Null(await app.SendAsync(new SignIn("kari", KariPassword)));
        var signedIn = await app.SendAsync(new SignIn("kari", oneTime));
        Assert.True(signedIn!.MustChangePassword);
        var record = Assert.Single(await RecordsAsync(app, "bruker kari"), r => r.Field == "passord");
        Assert.Equal(("(tidligere)", "(engangspassord)"), (record.OldValue, record.NewValue));
        var hash = await app.WithDbAsync(db => db.UserAccounts.Where(u => u.UserName == "kari").Select(u => u.PasswordHash).SingleAsync(Ct));
        var everything = string.Join("|", (await RecordsAsync(app, "bruker kari")).Select(r => r.OldValue + r.NewValue));
        Assert.DoesNotContain(oneTime, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, everything, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(Url("/api/users/finnes-ikke/reset-password"), null, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_stale_change_is_a_conflict_with_the_current_values_and_no_password_hash()
    {
        await using var app = await AppAsync();
        var admin = app.CreateClient();
        var seen = (await UserAsync(admin, "kari")).Version;
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(admin, "kari", new { role = "Reader", expectedVersion = seen })).StatusCode);

        // The same change again from the old page: nothing would change, but the page was stale.
        var stale = await PatchAsync(admin, "kari", new { role = "Reader", expectedVersion = seen });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var body = await stale.Content.ReadAsStringAsync(Ct);
        var current = JsonDocument.Parse(body).RootElement.GetProperty("current")[0];
        Assert.Equal("Reader", current.GetProperty("role").GetString());
        Assert.Equal((await UserAsync(admin, "kari")).Version, current.GetProperty("version").GetGuid());
        Assert.DoesNotContain("hash", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_last_enabled_admin_cannot_be_disabled_or_demoted_and_no_admin_can_disable_themselves()
    {
        await using var app = await AppAsync();
        var api = app.CreateClient();

        foreach (var change in new object[] { new { disabled = true }, new { role = "Editor" } })
        {
            var refused = await PatchAsync(api, "admin", change);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("siste aktive administratoren", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        // A disabled admin does not count.
        await PatchAsync(api, "kari", new { role = "Admin", disabled = true });
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(api, "admin", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(api, "kari", new { disabled = false })).StatusCode);

        var browser = await AdminBrowserAsync(app);
        var self = await PostUserFormAsync(browser, "State", "admin", ("disabled", "true"));
        Assert.Contains("Du kan ikke deaktivere deg selv", await Forms.Text(self, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(api, "admin", new { role = "Editor" })).StatusCode);
        Assert.Equal(AccessRole.Editor, (await UserAsync(api, "admin")).Role);
        // Refused changes leave no trace in the audit trail.
        Assert.Equal([("rolle", null, "Admin"), ("rolle", "Admin", "Editor")],
            (await RecordsAsync(app, "bruker admin")).Select(r => (r.Field, r.OldValue, r.NewValue)));
    }

    [Fact]
    public async Task A_disabled_users_signed_in_session_is_refused_at_the_next_request()
    {
        await using var app = await AppAsync();
        var kari = SignInTests.Browser(app);
        await SignInTests.SignInAsync(kari, "kari", KariPassword);
        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync(Url("/meetings"), Ct)).StatusCode);

        await PatchAsync(app.CreateClient(), "kari", new { disabled = true });

        var page = await kari.GetAsync(Url("/meetings"), Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/signin", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await kari.GetAsync(Url("/api/meetings"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInTests.SignInAsync(kari, "kari", KariPassword)).StatusCode);
    }

    [Fact]
    public async Task A_user_whose_role_is_lowered_loses_editor_rights_at_once()
    {
        await using var app = await AppAsync();
        var kari = SignInTests.Browser(app);
        await SignInTests.SignInAsync(kari, "kari", KariPassword);
        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync(Url("/import"), Ct)).StatusCode);

        await PatchAsync(app.CreateClient(), "kari", new { role = "Reader" });

        Assert.Equal(HttpStatusCode.Redirect, (await kari.GetAsync(Url("/import"), Ct)).StatusCode);
        await SignInTests.SignInAsync(kari, "kari", KariPassword);
        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync(Url("/meetings"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.GetAsync(Url("/import"), Ct)).StatusCode);
    }

    [Fact]
    public async Task Signing_in_elsewhere_keeps_a_session_and_changing_ones_own_password_keeps_only_this_one()
    {
        await using var app = await AppAsync();
        var laptop = SignInTests.Browser(app);
        var phone = SignInTests.Browser(app);
        await SignInTests.SignInAsync(laptop, "kari", KariPassword);
        await SignInTests.SignInAsync(phone, "kari", KariPassword);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(Url("/meetings"), Ct)).StatusCode);

        var changed = await Forms.PostAsync(laptop, "/account/password", "/account/password",
            ("currentPassword", KariPassword), ("newPassword", "et-helt-nytt-passord"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(Url("/meetings"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(Url("/meetings"), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_cli_lists_disables_enables_changes_roles_and_resets_passwords()
    {
        NothingLostTests.SqliteFilesOnly();
        Task<CliResult> Nuit(params string[] args) =>
            AppProcess.RunCliAsync(_folder.Path, [.. args, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData]);

        Assert.Equal(0, (await Nuit("users", "add", "kari", "--role", "editor")).ExitCode);
        Assert.Equal(0, (await Nuit("users", "disable", "kari")).ExitCode);
        var list = await Nuit("users", "list", "--format", "json");
        Assert.Equal(0, list.ExitCode);
        var kari = JsonSerializer.Deserialize<List<UserInfo>>(list.Stdout, JsonSerializerOptions.Web)!.Single(u => u.UserName == "kari");
        Assert.Equal((AccessRole.Editor, true, true), (kari.Role, kari.Disabled, kari.MustChangePassword));

        Assert.Equal(0, (await Nuit("users", "enable", "kari")).ExitCode);
        var role = await Nuit("users", "role", "kari", "--role", "reader");
        Assert.Equal(0, role.ExitCode);
        Assert.Contains("rolle Reader, aktiv", role.Stdout, StringComparison.Ordinal);
        var table = await Nuit("users", "list");
        Assert.Contains("kari", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("aktiv", table.Stdout, StringComparison.Ordinal);

        var reset = await Nuit("users", "reset-password", "kari");
        Assert.Equal(0, reset.ExitCode);
        var oneTime = reset.Stdout.TrimEnd().Split('\n')[^1].Trim();
        Assert.Equal(16, oneTime.Length);
        var missing = await Nuit("users", "disable", "finnes-ikke");
        Assert.Equal(3, missing.ExitCode);

        await using var app = new PortfolioApp(_folder.DatabasePath);
        var signedIn = await app.SendAsync(new SignIn("kari", oneTime));
        Assert.Equal((AccessRole.Reader, true), (signedIn!.Role, signedIn.MustChangePassword));
        Assert.Equal(
            ["rolle", "status", "status", "rolle", "passord"],
            (await RecordsAsync(app, "bruker kari")).Select(r => r.Field));
        Assert.All(await RecordsAsync(app, "bruker kari"), r => Assert.Equal("cli", r.Via));
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/tokens")]
    public async Task The_admin_pages_are_for_admins_only(string page)
    {
        await using var app = new PortfolioApp(_folder.DatabasePath, seed: false);
        foreach (var role in new[] { AccessRole.Reader, AccessRole.Editor })
        {
            var client = app.CreateClient(role, followRedirects: false);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url(page), Ct)).StatusCode);
            Assert.DoesNotContain("Administrasjon", await (await client.GetAsync(Url("/meetings"), Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        var admin = app.CreateClient(AccessRole.Admin, followRedirects: false);
        var response = await admin.GetAsync(Url(page), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.Text(response);
        Assert.Contains("href=\"/admin/users\">Administrasjon</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);

        // Page posts need Admin too, not just the Editor every other page post needs.
        var editor = app.CreateClient(AccessRole.Editor, followRedirects: false);
        var token = await Forms.AntiforgeryTokenAsync(admin, page);
        var post = await editor.PostAsync(Url(page + "?handler=Create"), new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task An_admin_makes_a_token_on_the_page_uses_it_and_revokes_it_on_the_page()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath, seed: false);
        var browser = await AdminBrowserAsync(app);

        var created = await Forms.PostAsync(browser, "/admin/tokens", "/admin/tokens?handler=Create", ("name", "overvåking"), ("role", "Reader"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        var html = await Forms.Text(created);
        Assert.Contains("vises ikke igjen", html, StringComparison.Ordinal);
        var token = Secret().Match(html).Groups[1].Value;
        var script = app.AnonymousClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync(Url("/api/goals"), Ct)).StatusCode);
        Assert.DoesNotContain(token, await Forms.Page(browser, "/admin/tokens"), StringComparison.Ordinal);

        var made = (await app.SendAsync(new ListApiTokens())).Single(t => t.Name == "overvåking");
        Assert.Equal("admin", made.CreatedBy);
        var revoked = await Forms.PostAsync(browser, "/admin/tokens", "/admin/tokens?handler=Revoke", ("id", made.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync(Url("/api/goals"), Ct)).StatusCode);
        Assert.Contains("tilbakekalt", await Forms.Page(browser, "/admin/tokens"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_adds_a_user_and_resets_a_password_on_the_page_and_sees_each_password_once()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath, seed: false);
        var browser = await AdminBrowserAsync(app);

        var added = await Forms.PostAsync(browser, "/admin/users", "/admin/users?handler=Add", ("userName", "Per"), ("role", "Editor"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var oneTime = Secret().Match(await Forms.Text(added)).Groups[1].Value;
        Assert.True((await app.SendAsync(new SignIn("per", oneTime)))!.MustChangePassword);
        var listed = await Forms.Page(browser, "/admin/users");
        Assert.DoesNotContain(oneTime, listed, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">per</th>", listed, StringComparison.Ordinal);
        Assert.Contains("må bytte passord", listed, StringComparison.Ordinal);

        var reset = await PostUserFormAsync(browser, "Reset", "per");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var second = Secret().Match(await Forms.Text(reset)).Groups[1].Value;
        Assert.NotEqual(oneTime, second);
        Assert.NotNull(await app.SendAsync(new SignIn("per", second)));

        var duplicate = await Forms.PostAsync(browser, "/admin/users", "/admin/users?handler=Add", ("userName", "per"), ("role", "Reader"));
        Assert.Contains("finnes allerede", await Forms.Text(duplicate, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_from_a_stale_users_page_is_refused_by_the_row_with_the_current_values()
    {
        await using var app = await AppAsync();
        var browser = await AdminBrowserAsync(app);
        var seen = (await app.SendAsync(new ListUsers())).Single(u => u.UserName == "kari").Version;
        await PatchAsync(app.CreateClient(), "kari", new { disabled = true });

        var stale = await Forms.PostAsync(browser, "/admin/users", "/admin/users?handler=Role",
            ("userName", "kari"), ("role", "Admin"), ("version", seen.ToString()));

        var row = Row("kari").Match(await Forms.Text(stale, HttpStatusCode.Conflict)).Value;
        Assert.Contains("Noen andre har endret dette", row, StringComparison.Ordinal);
        Assert.Contains("<td>deaktivert</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>Redaktør</td>", row, StringComparison.Ordinal);
        Assert.Equal(AccessRole.Editor, (await app.SendAsync(new ListUsers())).Single(u => u.UserName == "kari").Role);

        var fresh = await PostUserFormAsync(browser, "State", "kari", ("disabled", "false"));
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.False((await app.SendAsync(new ListUsers())).Single(u => u.UserName == "kari").Disabled);
    }

    /// <summary>Posts one of a row's forms on /admin/users with the version the page shows now.</summary>
    private static async Task<HttpResponseMessage> PostUserFormAsync(HttpClient browser, string handler, string user, params (string, string)[] fields)
    {
        var html = await Forms.Page(browser, "/admin/users");
        var version = Version().Match(Row(user).Match(html).Value).Groups[1].Value;
        return await Forms.PostAsync(browser, "/admin/users", $"/admin/users?handler={handler}", [("userName", user), ("version", version), .. fields]);
    }

    private static Regex Row(string user) => new($"<tr id=\"bruker-{Regex.Escape(user)}\">.*?</tr>", RegexOptions.Singleline);

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex Version();

    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex Secret();
}
