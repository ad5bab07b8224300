using System;
using System.Collections.Immutable;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TokenGovernance.Analyzers
{
    /// <summary>
    /// The env files the compose files among the AdditionalFiles name (<c>env_file: ./docker-env-vars</c>, or a list under
    /// <c>env_file:</c>), as full paths: configuration whatever their names, read once per compilation.
    /// </summary>
    internal static class ComposeEnvFiles
    {
        private static readonly Regex ComposeName = new Regex(
            @"^(?:docker-)?compose(?:[.-][\w.-]*)?\.ya?ml$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));

        private static readonly Regex Inline = new Regex(
            @"^\s*env_file:\s*(?:\[(?<list>[^\]]*)\]|[""']?(?<path>[^""'#\s\[]+)[""']?)?\s*(?:#.*)?$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

        private static readonly Regex Item = new Regex(
            @"^\s*-\s*(?:path:\s*)?[""']?(?<path>[^""'#\s]+)[""']?\s*$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

        /// <summary>The env files of a compilation, read on first use (only a file that needs the answer pays for it).</summary>
        public static Lazy<ImmutableHashSet<string>> Of(ImmutableArray<AdditionalText> files) =>
            new Lazy<ImmutableHashSet<string>>(() => Collect(files, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);

        public static ImmutableHashSet<string> Collect(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
        {
            var found = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (!ComposeName.IsMatch(Path.GetFileName(file.Path)) || file.GetText(cancellationToken) is not { } text)
                {
                    continue;
                }

                var folder = Path.GetDirectoryName(file.Path) ?? string.Empty;
                var inList = false;
                foreach (var line in text.Lines)
                {
                    var content = line.ToString();
                    try
                    {
                        var inline = Inline.Match(content);
                        if (inline.Success)
                        {
                            inList = !inline.Groups["path"].Success && !inline.Groups["list"].Success;
                            var paths = inline.Groups["list"].Success ? inline.Groups["list"].Value.Split(',')
                                : inline.Groups["path"].Success ? new[] { inline.Groups["path"].Value } : Array.Empty<string>();
                            foreach (var path in paths)
                            {
                                Add(found, folder, path);
                            }

                            continue;
                        }

                        if (inList && Item.Match(content) is { Success: true } item)
                        {
                            Add(found, folder, item.Groups["path"].Value);
                        }
                        else if (inList && content.Trim().Length > 0 && !content.TrimStart().StartsWith("required:", StringComparison.Ordinal))
                        {
                            inList = false;
                        }
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        inList = false;
                    }
                }
            }

            return found.ToImmutable();
        }

        private static void Add(ImmutableHashSet<string>.Builder found, string folder, string path)
        {
            var trimmed = path.Trim().Trim('"', '\'');
            if (trimmed.Length == 0 || trimmed.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || trimmed.Contains("$"))
            {
                return;
            }

            found.Add(Path.GetFullPath(Path.Combine(folder, trimmed)));
        }
    }
}
