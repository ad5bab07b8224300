namespace TokenGovernance.Audit.Tests.Architecture;

/// <summary>
/// Inside the engine, folders (namespaces) depend on each other one way, as docs/architecture.md draws them: a using
/// or a qualified name that points up the table is a red build.
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>Each folder and what it may use besides itself, Configuration and Safety, lowest first.</summary>
    private static readonly FolderLayers Layers = new(
        Path.Combine(RepositoryRoot.Path, "src", "Audit", "TokenGovernance.Audit"),
        "TokenGovernance.Audit",
        everywhere: ["Configuration", "Safety"],
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
        ]);

    public static TheoryData<string> Folders() => [.. Layers.Folders];

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_only_the_folders_below_it(string folder) => Layers.AssertUsesOnlyLowerFolders(folder);

    [Fact]
    public void Every_folder_of_the_engine_has_a_place_in_the_table() => Assert.Empty(Layers.Unplaced());
}
