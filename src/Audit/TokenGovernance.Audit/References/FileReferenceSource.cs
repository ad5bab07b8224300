using TokenGovernance.Audit.Safety;
using TokenGovernance.Audit.Model;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
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
            var found = new List<FoundReference>();
            foreach (var file in Files(options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                ScanFile(file, options.IsPlaintext, found);
            }

            return new SourceScan(ReferenceSources.File, found, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new SourceScan(ReferenceSources.File, [], $"file source '{options.Path}' cannot be read: {ServerText.OneLine(exception.Message)}");
        }
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

    private static void ScanFile(string path, bool plaintext, List<FoundReference> found)
    {
        var info = new FileInfo(path);
        if (info.Length > MaximumFileSize || info.Length == 0)
        {
            return;
        }

        var bytes = File.ReadAllBytes(path);
        if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8192)) >= 0)
        {
            return;
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes);
        foreach (var finding in Scanner.Scan(text))
        {
            found.Add(Reference(path, finding.Line, finding.Value, plaintext));
        }

        // A mounted secret often holds nothing but the value, without any key or shape.
        var trimmed = text.Trim();
        if (!plaintext && found.All(reference => !reference.Location.StartsWith(path + ":", StringComparison.Ordinal))
            && trimmed.Length is > 0 and < 512 && !trimmed.Contains('\n') && !PlaceholderDetector.IsPlaceholder(trimmed))
        {
            found.Add(Reference(path, 1, trimmed, plaintext));
        }
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
