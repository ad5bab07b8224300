namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// Writes token values into one kind of reference (files, Kubernetes Secrets) for a re-issue: the seam apply rewires
/// through, as <see cref="References.IReferenceSource"/> is the one the audit reads through. A reference is found
/// again by the fingerprint of the value the audit saw there; a write keeps the previous value beside it
/// (<see cref="ReissueFlow.PreviousSuffix"/>), which is what a rollback restores from.
/// </summary>
public interface IReferenceRewriter
{
    bool Handles(string source);

    /// <summary>Reads the reference as it is now and finds the value the plan saw there; throws <see cref="RewriteException"/> when it is not there.</summary>
    Task<IPreparedRewrite> PrepareAsync(string target, PlannedReference reference, CancellationToken cancellationToken);

    /// <summary>Rollback: puts the previous copy back into the reference and removes the copy; throws <see cref="RewriteException"/> when there is none.</summary>
    Task RestoreAsync(string target, PlannedReference reference, CancellationToken cancellationToken);

    /// <summary>Retirement: removes a previous copy (<paramref name="previousCopy"/> names it) when it still holds the value the plan saw; false when it is already gone.</summary>
    Task<bool> RemovePreviousAsync(string target, PlannedReference previousCopy, CancellationToken cancellationToken);
}

/// <summary>A reference read and ready to take a new value.</summary>
public interface IPreparedRewrite
{
    PlannedReference Reference { get; }

    /// <summary>Writes <paramref name="value"/> where the old one was, keeping the old one beside it; throws <see cref="RewriteException"/>.</summary>
    Task WriteAsync(TokenSecret value, CancellationToken cancellationToken);

    /// <summary>After a later step failed: puts the reference back as <see cref="WriteAsync"/> found it and removes the previous copy.</summary>
    Task UndoAsync(CancellationToken cancellationToken);

    /// <summary>Restarts what reads the reference (Kubernetes workloads that use the Secret); nothing for a file.</summary>
    Task<IReadOnlyList<JournalWorkload>> RestartReadersAsync(CancellationToken cancellationToken);
}

/// <summary>A reference that cannot be read or written as asked, in one line that names it and never holds a value.</summary>
public sealed class RewriteException(string message, Exception? inner = null) : Exception(message, inner);
