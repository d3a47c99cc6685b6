using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Web;

/// <summary>
/// Holds an uploaded document between the preview and the confirmation on the import page, in an
/// "uploads" folder beside the database, named by its SHA-256 so the token cannot point anywhere else.
/// Files older than a day are removed when a new one arrives.
/// </summary>
public sealed class PendingUploads(IOptions<DatabaseOptions> options)
{
    private string Folder => Path.Combine(Path.GetDirectoryName(options.Value.FullPath)!, "uploads");

    public async Task<string> SaveAsync(byte[] content, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        foreach (var old in new DirectoryInfo(Folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1)))
            old.Delete();
        var token = Convert.ToHexStringLower(SHA256.HashData(content));
        await File.WriteAllBytesAsync(Path.Combine(Folder, token), content, ct);
        return token;
    }

    public async Task<byte[]?> LoadAsync(string token, CancellationToken ct)
    {
        if (token.Length != 64 || !token.All(Uri.IsHexDigit)) return null;
        var path = Path.Combine(Folder, token);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public void Remove(string token)
    {
        if (token.Length == 64 && token.All(Uri.IsHexDigit)) File.Delete(Path.Combine(Folder, token));
    }
}
