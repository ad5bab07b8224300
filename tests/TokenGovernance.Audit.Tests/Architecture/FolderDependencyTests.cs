using System.Text.RegularExpressions;

namespace TokenGovernance.Audit.Tests.Architecture;

/// <summary>
/// Inside the engine, folders (namespaces) depend on each other one way, as docs/architecture.md draws them: a using
/// or a qualified name that points up the table is a red build.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private static readonly string[] Base = ["Configuration", "Safety"];

    /// <summary>Each folder and what it may use besides itself and <see cref="Base"/>, lowest first.</summary>
    private static readonly (string Folder, string[] Uses)[] Layers =
    [
        ("Safety", []),
        ("Configuration", []),
        ("Model", []),
        ("Policy", ["Model"]),
        ("Products", ["Model", "Policy"]),
        ("Policy.Rules", ["Model", "Products", "Policy"]),
        ("Listing", ["Model", "Products", "Policy"]),
        ("References", ["Model", "Products", "Policy", "Listing"]),
        ("Auditing", ["Model", "Products", "Policy", "Listing", "References"]),
        ("Reporting", ["Model", "Products", "Policy", "Listing", "References", "Auditing"]),
        ("Listing.Writers", ["Model", "Products", "Policy", "Listing", "References", "Auditing", "Reporting"]),
        ("Remediation", ["Model", "Products", "Policy", "Listing", "References", "Auditing", "Reporting"]),
        ("Validation", ["Model", "Products", "Policy", "Listing", "References", "Auditing", "Reporting"]),
    ];

    private static readonly string Engine = Path.Combine(RepositoryRoot.Path, "src", "Audit", "TokenGovernance.Audit");

    public static TheoryData<string> Folders() => [.. Layers.Select(layer => layer.Folder)];

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_only_the_folders_below_it(string folder)
    {
        var allowed = Layers.Single(layer => layer.Folder == folder).Uses.Concat(Base).Append(folder).ToHashSet();
        var directory = Path.Combine(Engine, folder.Replace('.', Path.DirectorySeparatorChar));
        var files = Directory.GetFiles(directory, "*.cs", SearchOption.TopDirectoryOnly);
        Assert.NotEmpty(files);

        var violations = files
            .SelectMany(file => EngineName().Matches(File.ReadAllText(file)).Select(match => (File: Path.GetFileName(file), Uses: Layer(match.Groups[1].Value))))
            .Where(reference => !allowed.Contains(reference.Uses))
            .Select(reference => $"{folder}/{reference.File} uses {reference.Uses}")
            .Distinct()
            .ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Every_folder_of_the_engine_has_a_place_in_the_table()
    {
        var folders = Directory.GetDirectories(Engine, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Engine, path).Replace(Path.DirectorySeparatorChar, '.'))
            .Where(name => !name.StartsWith("bin", StringComparison.Ordinal) && !name.StartsWith("obj", StringComparison.Ordinal))
            .Where(name => Directory.GetFiles(Path.Combine(Engine, name.Replace('.', Path.DirectorySeparatorChar)), "*.cs").Length > 0);

        Assert.All(folders, folder => Assert.Contains(folder, Layers.Select(layer => layer.Folder)));
    }

    /// <summary>The most specific folder of the table a namespace falls in.</summary>
    private static string Layer(string name) => Layers.Select(layer => layer.Folder)
        .Where(folder => name == folder || name.StartsWith(folder + ".", StringComparison.Ordinal))
        .MaxBy(folder => folder.Length) ?? name;

    [GeneratedRegex(@"TokenGovernance\.Audit\.([A-Z]\w*(?:\.[A-Z]\w*)*)")]
    private static partial Regex EngineName();
}
