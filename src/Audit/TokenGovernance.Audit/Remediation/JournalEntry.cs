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

    /// <summary><c>deactivate</c> or <c>reactivate</c>.</summary>
    public required string Action { get; init; }

    public string? Rule { get; init; }

    public TokenStateRecord? Before { get; init; }

    public TokenStateRecord? After { get; init; }

    public string? PlanDigest { get; init; }

    /// <summary><see cref="JournalOutcomes"/>.</summary>
    public required string Outcome { get; init; }

    public string? Reason { get; init; }
}

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
}
