namespace TokenGovernance.Audit.Remediation;

// One line of a remediation journal (JSON Lines, schema 1): what was done, or why not, to one token. Never a value.

public sealed record JournalEntry
{
    public int SchemaVersion { get; init; } = 1;

    public required DateTimeOffset Time { get; init; }

    /// <summary>The audit token's user that acted; null when the target could not be reached.</summary>
    public string? Actor { get; init; }

    public required string Target { get; init; }

    public required string TokenId { get; init; }

    public string? Fingerprint { get; init; }

    /// <summary><c>deactivate</c>, <c>reactivate</c>, <c>reissue</c> or <c>undo-reissue</c>.</summary>
    public required string Action { get; init; }

    public string? Rule { get; init; }

    public TokenStateRecord? Before { get; init; }

    public TokenStateRecord? After { get; init; }

    public string? PlanDigest { get; init; }

    /// <summary><see cref="JournalOutcomes"/>.</summary>
    public required string Outcome { get; init; }

    public string? Reason { get; init; }

    /// <summary><c>reissue</c>: the token created for the service user (after a failure it was deleted again, unless the reason says otherwise).</summary>
    public string? NewTokenId { get; init; }

    /// <summary><c>reissue</c>: the new value's fingerprint, to match the references it was written to.</summary>
    public string? NewFingerprint { get; init; }

    /// <summary>
    /// <c>reissue</c>: each reference rewritten (or restored after a failure); <c>undo-reissue</c>: each restored; a
    /// deactivation retiring a re-issued token: each previous copy removed.
    /// </summary>
    public List<JournalReference>? References { get; init; }

    /// <summary><c>reissue</c> with <c>Remediation:RestartWorkloads</c>: each workload given the restart annotation.</summary>
    public List<JournalWorkload>? Workloads { get; init; }

    /// <summary><c>reissue</c>: the old token's description before it was marked, which a rollback puts back.</summary>
    public string? DescriptionBefore { get; init; }

    /// <summary>
    /// <c>reissue</c>, on its <c>started</c> line: the service user the new token is created for, where a rollback
    /// looks for a token that an interrupted create made but never named.
    /// </summary>
    public string? ServiceUserId { get; init; }
}

/// <summary>A reference a re-issue touched: <c>file</c> path or Secret <c>namespace/name#key</c>, the fingerprint of the value it held, and what happened.</summary>
public sealed record JournalReference(string Source, string Location, string? Fingerprint, string Outcome, string? Reason = null);

/// <summary>A workload given the <c>kubectl.kubernetes.io/restartedAt</c> annotation (<c>Deployment</c>, <c>StatefulSet</c>, <c>DaemonSet</c>).</summary>
public sealed record JournalWorkload(string Kind, string Namespace, string Name, string Outcome, string? Reason = null);

public sealed record TokenStateRecord(string Status, DateTimeOffset? UpdatedAt);

public static class JournalOutcomes
{
    /// <summary>Done, and read back as done.</summary>
    public const string Applied = "applied";

    /// <summary>Nothing to do: the token was already in the state the action leads to (a plan applied twice).</summary>
    public const string AlreadyDone = "already-done";

    /// <summary>Not done, on purpose: drift, caps or protection (<see cref="JournalEntry.Reason"/> says which).</summary>
    public const string Refused = "refused";

    /// <summary>The call failed or the read-back disagreed; the reason says what is known.</summary>
    public const string Failed = "failed";

    /// <summary>Not tried: an earlier call to the same target failed.</summary>
    public const string NotAttempted = "not-attempted";

    /// <summary>
    /// A re-issue about to create its token (a line of its own, before the one that ends it, with the references it
    /// is about to rewrite), and again once the token is made (with its id). One without an ending line was
    /// interrupted (the process was killed): <c>rollback</c> undoes what it finds of it.
    /// </summary>
    public const string Started = "started";

    /// <summary>On a <c>started</c> line: a reference the re-issue is about to rewrite.</summary>
    public const string Planned = "planned";

    /// <summary>A reference put back as it was, after a re-issue failed later on.</summary>
    public const string Restored = "restored";
}
