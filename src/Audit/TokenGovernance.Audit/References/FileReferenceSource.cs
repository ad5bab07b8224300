using System.Buffers;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Safety;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Audit.References;

/// <summary>
/// Scans text files for token values with the analyzers' detector (one source of truth): token shapes and
/// values of well-known keys. Files over 1 MiB and binary files are skipped; symbolic links are not followed,
/// so link loops cannot trap the walk.
/// </summary>
public sealed class FileReferenceSource(IOptions<TokenGovernanceOptions> settings) : IReferenceSource
{
    public const long MaximumFileSize = 1024 * 1024;

    private static readonly ConfigTokenScanner Scanner = new();

    public async Task<IReadOnlyList<SourceScan>> ScanAsync(TargetOptions target, CancellationToken cancellationToken)
    {
        var scans = new List<SourceScan>();
        foreach (var source in settings.Value.References.Files.Where(source => ReferenceTargets.IsFor(source.Target, target, settings)))
        {
            scans.Add(await Task.Run(() => Scan(source, cancellationToken), cancellationToken));
        }

        return scans;
    }

    public SourceScan Scan(FileSourceOptions options, CancellationToken cancellationToken)
    {
        try
        {
            // Files are scanned on every core; their references are then put together in the walk's order, so a
            // report lists them as a sequential scan would.
            // A whole folder's walk lists every previous copy already: only a file or a glob needs them looked up.
            var files = options.Include.Count == 0 && Directory.Exists(options.Path) ? Files(options).ToList() : WithPreviousCopies(Files(options));
            var perFile = new List<FoundReference>?[files.Count];
            Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
            {
                var found = new List<FoundReference>(0);
                ScanFile(files[index], options.IsPlaintext, found);
                perFile[index] = found.Count == 0 ? null : found;
            });

            return new SourceScan(ReferenceSources.File, perFile.Where(found => found is not null).SelectMany(found => found!).ToList(), null);
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.FirstOrDefault(inner => inner is IOException or UnauthorizedAccessException) is { } exception)
        {
            return new SourceScan(ReferenceSources.File, [], $"file source '{options.Path}' cannot be read: {ServerText.OneLine(exception.Message)}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new SourceScan(ReferenceSources.File, [], $"file source '{options.Path}' cannot be read: {ServerText.OneLine(exception.Message)}");
        }
    }

    /// <summary>
    /// The files, each followed by the previous copy a re-issue left beside it (<c>&lt;file&gt;.tokengov-previous</c>) when
    /// there is one and the walk did not list it (a single-file source, an <c>Include</c> glob): the copy holds the old
    /// token until it is retired, and its retirement finds the copy this way.
    /// </summary>
    private static List<string> WithPreviousCopies(IEnumerable<string> files)
    {
        var listed = files.ToList();
        var seen = new HashSet<string>(listed, StringComparer.Ordinal);
        var all = new List<string>(listed.Count);
        foreach (var file in listed)
        {
            all.Add(file);
            var previous = file + ReferenceSources.PreviousCopySuffix;
            if (!file.EndsWith(ReferenceSources.PreviousCopySuffix, StringComparison.Ordinal) && !seen.Contains(previous) && File.Exists(previous))
            {
                all.Add(previous);
            }
        }

        return all;
    }

    private static IEnumerable<string> Files(FileSourceOptions options)
    {
        if (File.Exists(options.Path))
        {
            return [options.Path];
        }

        if (!Directory.Exists(options.Path))
        {
            throw new DirectoryNotFoundException($"'{options.Path}' does not exist");
        }

        var all = Directory.EnumerateFiles(options.Path, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Device,
        });
        if (options.Include.Count == 0)
        {
            return all;
        }

        var matcher = new Matcher();
        matcher.AddIncludePatterns(options.Include);
        return matcher.Match(options.Path, all.Select(file => Path.GetRelativePath(options.Path, file)))
            .Files.Select(match => Path.Combine(options.Path, match.Path));
    }

    /// <summary>
    /// One file, through pooled buffers: its bytes, then its UTF-8 text (as <see cref="System.Text.Encoding.UTF8"/>'s
    /// <c>GetString</c> decodes it), scanned in place; only lines that may hold a token become strings.
    /// </summary>
    private static void ScanFile(string path, bool plaintext, List<FoundReference> found)
    {
        // Sized before it is opened: a FIFO (length 0) would block the open until someone writes to it.
        var info = new FileInfo(path);
        if (info.Length > MaximumFileSize || info.Length == 0)
        {
            return;
        }

        // A handle and positional reads, no stream: a file costs open, fstat, read and close (plus the runtime's advisory
        // lock), not a stream's extra fstat and read-ahead advice (references-scan.sh: 10,000 files).
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var size = Math.Min(RandomAccess.GetLength(handle), MaximumFileSize);
        if (size == 0)
        {
            return;
        }

        var bytes = ArrayPool<byte>.Shared.Rent((int)size);
        char[]? chars = null;
        try
        {
            var length = ReadAll(handle, bytes, (int)size);
            if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(length, 8192)) >= 0)
            {
                return;
            }

            chars = ArrayPool<char>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxCharCount(length));
            var count = System.Text.Encoding.UTF8.GetChars(bytes, 0, length, chars, 0);

            var before = found.Count;
            foreach (var finding in Scanner.Scan(chars, count))
            {
                found.Add(Reference(path, finding.Line, finding.Value, plaintext));
            }

            // A mounted secret often holds nothing but the value, without any key or shape.
            if (!plaintext && found.Count == before && WholeValue(chars, count) is { } value && !PlaceholderDetector.IsPlaceholder(value))
            {
                found.Add(Reference(path, 1, value, plaintext));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            if (chars is not null)
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
    }

    /// <summary>The whole text, trimmed, when it is one short line (a secret file's bare value); else null, without copying.</summary>
    private static string? WholeValue(char[] chars, int count)
    {
        var start = 0;
        var end = count;
        // A leading byte order mark (U+FEFF) is not white space to char.IsWhiteSpace, but it is no part of the value.
        while (start < end && (char.IsWhiteSpace(chars[start]) || (start == 0 && chars[start] == '\uFEFF')))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(chars[end - 1]))
        {
            end--;
        }

        return end - start is > 0 and < 512 && Array.IndexOf(chars, '\n', start, end - start) < 0 ? new string(chars, start, end - start) : null;
    }

    private static int ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, int size)
    {
        var length = 0;
        int read;
        while (length < size && (read = RandomAccess.Read(handle, buffer.AsSpan(length, size - length), length)) > 0)
        {
            length += read;
        }

        return length;
    }

    private static FoundReference Reference(string path, int line, string value, bool plaintext) => new()
    {
        Source = ReferenceSources.File,
        Location = path + ":" + line,
        Value = value,
        Fingerprint = TokenRedaction.Fingerprint(value),
        Plaintext = plaintext,
    };
}
