using System.Text;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.References;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// Rewrites file references for a re-issue: the old value is replaced where it stands (the rest of the file byte for
/// byte), atomically, keeping the file's mode and owner; the file as it was stays beside it as
/// <c>&lt;file&gt;.tokengov-previous</c> with the same mode until the old token is retired.
/// </summary>
public sealed class FileReferenceRewriter : IReferenceRewriter
{
    public bool Handles(string source) => source == ReferenceSources.File;

    public Task<IPreparedRewrite> PrepareAsync(string target, PlannedReference reference, CancellationToken cancellationToken)
    {
        var path = reference.Location;
        var previous = path + ReissueFlow.PreviousSuffix;
        if (File.Exists(previous))
        {
            throw new RewriteException($"file '{path}': '{previous}' is still there from an earlier re-issue; retire that one first");
        }

        var original = Read(path);
        var text = Encoding.UTF8.GetString(original);
        var old = reference.Fingerprint is { } fingerprint ? ReferenceValues.Find(text, fingerprint) : null;
        return old is null
            ? throw new RewriteException($"file '{path}' no longer holds the value the plan saw there (token {reference.Fingerprint ?? "unknown"}): make a new plan")
            : Task.FromResult<IPreparedRewrite>(new Prepared(reference, original, text, old));
    }

    public Task RestoreAsync(string target, PlannedReference reference, CancellationToken cancellationToken)
    {
        var path = reference.Location;
        var previous = path + ReissueFlow.PreviousSuffix;
        if (!File.Exists(previous))
        {
            throw new RewriteException($"file '{path}': its previous copy '{previous}' is gone (removed when the old token was retired?), so it cannot be put back");
        }

        var content = Read(previous);
        if (!ReferenceValues.Holds(Encoding.UTF8.GetString(content), reference.Fingerprint))
        {
            throw new RewriteException($"file '{previous}' does not hold the value the journal names (token {reference.Fingerprint ?? "unknown"}): left as it is");
        }

        Guard(path, () =>
        {
            AtomicFile.Write(path, content, modeAndOwnerOf: File.Exists(path) ? path : previous);
            File.Delete(previous);
        });
        return Task.CompletedTask;
    }

    public Task<bool> RemovePreviousAsync(string target, PlannedReference previousCopy, CancellationToken cancellationToken)
    {
        var path = previousCopy.Location;
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        if (!ReferenceValues.Holds(Encoding.UTF8.GetString(Read(path)), previousCopy.Fingerprint))
        {
            throw new RewriteException($"file '{path}' no longer holds the retired token's value: left as it is");
        }

        Guard(path, () => File.Delete(path));
        return Task.FromResult(true);
    }

    private static byte[] Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return !info.Exists ? throw new RewriteException($"file '{path}' does not exist")
                : info.Length > FileReferenceSource.MaximumFileSize ? throw new RewriteException($"file '{path}' is larger than {FileReferenceSource.MaximumFileSize} bytes")
                : File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RewriteException($"file '{path}' cannot be read: {ServerText.OneLine(exception.Message)}", exception);
        }
    }

    private static void Guard(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RewriteException($"file '{path}' cannot be written: {ServerText.OneLine(exception.Message)}", exception);
        }
    }

    private sealed class Prepared(PlannedReference reference, byte[] original, string text, string old) : IPreparedRewrite
    {
        private string Path => reference.Location;

        public PlannedReference Reference => reference;

        public Task WriteAsync(TokenSecret value, CancellationToken cancellationToken)
        {
            if (!Read(Path).AsSpan().SequenceEqual(original))
            {
                throw new RewriteException($"file '{Path}' changed since it was read: not rewritten");
            }

            var rewritten = Encoding.UTF8.GetBytes(text.Replace(old, value.Reveal(), StringComparison.Ordinal));
            Guard(Path, () =>
            {
                AtomicFile.Write(Path + ReissueFlow.PreviousSuffix, original, modeAndOwnerOf: Path);
                AtomicFile.Write(Path, rewritten);
            });
            return Task.CompletedTask;
        }

        public Task UndoAsync(CancellationToken cancellationToken)
        {
            Guard(Path, () =>
            {
                AtomicFile.Write(Path, original);
                File.Delete(Path + ReissueFlow.PreviousSuffix);
            });
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<JournalWorkload>> RestartReadersAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<JournalWorkload>>([]);
    }
}
