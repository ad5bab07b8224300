namespace TokenGovernance.AuditWorker.Tests.Architecture;

/// <summary>
/// The worker's folders depend on each other one way, as docs/architecture.md draws them (the engine's have their
/// own test): health tags at the bottom, the command line on top, no cycle.
/// </summary>
public sealed class WorkerFolderDependencyTests
{
    private static readonly FolderLayers Layers = new(
        Path.Combine(RepositoryRoot.Path, "src", "AuditWorker"),
        "TokenGovernance.AuditWorker",
        everywhere: [],
        [
            ("Health", []),
            ("Results", []),
            ("Hosting.Authentication", []),
            ("Persistence", ["Health", "Results"]),
            ("Remediation", ["Results", "Persistence"]),
            ("Telemetry", ["Results", "Remediation"]),
            ("Scheduling", ["Health", "Results", "Hosting.Authentication", "Persistence", "Remediation", "Telemetry"]),
            ("Hosting", ["Health", "Results", "Persistence", "Remediation", "Telemetry", "Scheduling", "Hosting.Authentication"]),
            ("Cli", ["Health", "Results", "Persistence", "Remediation", "Telemetry", "Scheduling", "Hosting.Authentication", "Hosting"]),
        ]);

    public static TheoryData<string> Folders() => [.. Layers.Folders];

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_only_the_folders_below_it(string folder) => Layers.AssertUsesOnlyLowerFolders(folder);

    [Fact]
    public void Every_folder_of_the_worker_has_a_place_in_the_table() => Assert.Empty(Layers.Unplaced());
}
