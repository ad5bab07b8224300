using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.References;

namespace TokenGovernance.Audit.Auditing;

/// <summary>
/// Reads one kind of product into the neutral inventory: the seam between the engine and a product's API. One
/// implementation per product kind, registered in DI; the auditor asks each whether it reads a target.
/// </summary>
public interface ITargetReader
{
    bool CanRead(TargetOptions target);

    /// <summary>
    /// Reads every scope, principal and token the audit token sees. Failures the target causes are thrown as
    /// <see cref="TargetReadException"/> (or the product client's own one-line exception); anything else is a bug.
    /// </summary>
    Task<TargetRead> ReadAsync(TargetOptions target, string auditToken, ReadProgress progress, ReadScope scope, CancellationToken cancellationToken);
}

/// <summary>The inventory, and the means to probe found values against the same target (references).</summary>
public sealed record TargetRead(TargetInventory Inventory, ITokenProbe Probe);

/// <summary>Which call a read is in, so that a timeout can name it, and how many tokens it has read so far.</summary>
public sealed class ReadProgress
{
    private int _tokensRead;

    public string? CurrentCall { get; set; }

    public int TokensRead => Volatile.Read(ref _tokensRead);

    /// <summary>A reader calls this per token as its list streams by (read by a progress display on another thread).</summary>
    public void TokenRead() => Interlocked.Increment(ref _tokensRead);
}

/// <summary>Told when each target's read starts and ends: a progress display (<c>tokengov</c> on a terminal).</summary>
public interface IAuditProgress
{
    void Started(string target, ReadProgress progress);

    void Finished(string target);
}
