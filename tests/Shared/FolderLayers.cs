using System.Text.RegularExpressions;

namespace TokenGovernance.Tests.Shared;

/// <summary>
/// The folders (namespaces) of one project and what each may use, lowest first: a using, a fully qualified name or a
/// name qualified from a sibling namespace (<c>Persistence.PostgresJournal</c>) that points up the table is a
/// violation. Shared by the engine's and the worker's folder tests.
/// </summary>
internal sealed class FolderLayers(string projectDirectory, string rootNamespace, string[] everywhere, (string Folder, string[] Uses)[] layers)
{
    public IEnumerable<string> Folders => layers.Select(layer => layer.Folder);

    /// <summary>Each reference of <paramref name="folder"/>'s files to a folder it may not use, as "Folder/File.cs uses Other".</summary>
    public IReadOnlyList<string> Violations(string folder)
    {
        var allowed = layers.Single(layer => layer.Folder == folder).Uses.Concat(everywhere).Append(folder).ToHashSet();
        var files = Directory.GetFiles(Path.Combine(projectDirectory, folder.Replace('.', Path.DirectorySeparatorChar)), "*.cs", SearchOption.TopDirectoryOnly);
        if (files.Length == 0)
        {
            return [$"{folder} has no source file"];
        }

        return files
            .SelectMany(file => References(StripComments(File.ReadAllText(file))).Select(name => (File: Path.GetFileName(file), Uses: Layer(name))))
            .Where(reference => reference.Uses is not null && !allowed.Contains(reference.Uses))
            .Select(reference => $"{folder}/{reference.File} uses {reference.Uses}")
            .Distinct()
            .ToList();
    }

    /// <summary>Fails with every violation of <paramref name="folder"/>, one per line.</summary>
    public void AssertUsesOnlyLowerFolders(string folder)
    {
        var violations = Violations(folder);
        Xunit.Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>Folders holding source files that the table does not place.</summary>
    public IReadOnlyList<string> Unplaced() => Directory.GetDirectories(projectDirectory, "*", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(projectDirectory, path).Replace(Path.DirectorySeparatorChar, '.'))
        .Where(name => !name.StartsWith("bin", StringComparison.Ordinal) && !name.StartsWith("obj", StringComparison.Ordinal))
        .Where(name => Directory.GetFiles(Path.Combine(projectDirectory, name.Replace('.', Path.DirectorySeparatorChar)), "*.cs").Length > 0)
        .Where(name => !Folders.Contains(name))
        .ToList();

    private IEnumerable<string> References(string source)
    {
        var qualified = new Regex(Regex.Escape(rootNamespace) + @"\.([A-Z]\w*(?:\.[A-Z]\w*)*)");
        foreach (Match match in qualified.Matches(source))
        {
            yield return match.Groups[1].Value;
        }

        // A name qualified from the root namespace down (code in Root.A may write B.Type for Root.B.Type).
        var tops = string.Join("|", Folders.Select(folder => Regex.Escape(folder.Split('.')[0])).Distinct());
        foreach (Match match in Regex.Matches(source, @"(?<![\w.""])((?:" + tops + @")(?:\.[A-Z]\w*)+)"))
        {
            yield return match.Groups[1].Value;
        }
    }

    /// <summary>The most specific folder of the table a namespace (or a name in one) falls in; null for none.</summary>
    private string? Layer(string name) => Folders
        .Where(folder => name == folder || name.StartsWith(folder + ".", StringComparison.Ordinal))
        .MaxBy(folder => folder.Length);

    /// <summary>Comments explain (<c>see Persistence.X</c>); only code depends.</summary>
    private static string StripComments(string source) => Regex.Replace(source, @"//[^\n]*|/\*.*?\*/", string.Empty, RegexOptions.Singleline);
}
