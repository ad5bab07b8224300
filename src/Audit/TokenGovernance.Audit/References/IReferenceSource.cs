using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.References;

/// <summary>
/// A place where token values or ids are kept (files, Kubernetes, an inventory), registered in DI as one of a
/// collection. Each source reads its own part of <c>TokenGovernance:References</c> and scans only the places
/// configured for the target being audited: a value found there is only ever probed against that target.
/// </summary>
public interface IReferenceSource
{
    Task<IReadOnlyList<SourceScan>> ScanAsync(TargetOptions target, CancellationToken cancellationToken);
}

/// <summary>Whether a source configured for <paramref name="sourceTarget"/> belongs to <paramref name="target"/>.</summary>
public static class ReferenceTargets
{
    /// <summary>A source without a target belongs to the only target there is (several targets require one: the validator says so).</summary>
    public static bool IsFor(string? sourceTarget, TargetOptions target, IOptions<TokenGovernanceOptions> options) =>
        sourceTarget is null ? options.Value.Targets.Count == 1 : sourceTarget == target.Name;
}
