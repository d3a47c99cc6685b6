using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Cli;

/// <summary>
/// The one way every <c>--out</c> writer puts files on disk: each file is written under a temporary name beside its
/// target (the same file system, so the move is a rename), flushed to disk, and only then moved into place. On any
/// failure the temporary files are deleted, so a full disk leaves neither half a file nor a stray <c>.tmp</c>. A full
/// disk is reported through the outcome table (<see cref="StorageProblem"/>: one line, exit 1); another write error
/// names the path (bad input, exit 2).
/// </summary>
public static class OutputFiles
{
    /// <summary>Writes one file; returns its full path.</summary>
    public static async Task<string> WriteAsync(string target, Action<Stream> write, CancellationToken ct)
    {
        var path = Path.GetFullPath(target);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(() => File.Delete(temp));
            throw Explain(path, ex);
        }
        catch
        {
            TryDelete(() => File.Delete(temp));
            throw;
        }
    }

    /// <summary>Writes one file from bytes.</summary>
    public static Task<string> WriteAsync(string target, byte[] content, CancellationToken ct) =>
        WriteAsync(target, stream => stream.Write(content), ct);

    /// <summary>
    /// Writes several files into <paramref name="folder"/>, all or nothing: every file goes into a temporary folder inside
    /// the target folder first; when all are written <paramref name="beforeMove"/> runs (the CLI stores the report
    /// version there), and only when it succeeds are the files moved into place. On any failure the temporary folder is
    /// removed (and the target folder too, when this call created it), and <paramref name="beforeMove"/> has either not
    /// run or thrown, so nothing is stored.
    /// </summary>
    public static async Task<T> WriteAllAsync<T>(string folder, IReadOnlyList<(string Name, byte[] Content)> files,
        Func<CancellationToken, Task<T>> beforeMove, CancellationToken ct)
    {
        folder = Path.GetFullPath(folder);
        var created = !Directory.Exists(folder);
        var temp = Path.Combine(folder, $".nuit-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            Directory.CreateDirectory(temp);
            foreach (var (name, content) in files)
            {
                ct.ThrowIfCancellationRequested();
                await using var stream = new FileStream(Path.Combine(temp, name), FileMode.CreateNew, FileAccess.Write, FileShare.None);
                await stream.WriteAsync(content, ct);
                stream.Flush(flushToDisk: true);
            }
            var result = await beforeMove(ct);
            foreach (var (name, _) in files)
                File.Move(Path.Combine(temp, name), Path.Combine(folder, name), overwrite: true);
            Directory.Delete(temp);
            return result;
        }
        catch (Exception ex)
        {
            TryDelete(() => Directory.Delete(temp, recursive: true));
            if (created) TryDelete(() => Directory.Delete(folder));
            if (ex is IOException or UnauthorizedAccessException) throw Explain(folder, ex);
            throw;
        }
    }

    /// <summary>A full disk goes to the outcome table as it is; any other write error names the path.</summary>
    private static Exception Explain(string path, Exception ex) =>
        StorageProblem.Describe(ex) is not null ? ex : new InputException(path, null, $"kan ikke skrive filen: {ex.Message}");

    private static void TryDelete(Action delete)
    {
        try { delete(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
