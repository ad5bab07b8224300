using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Products;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Auditing;

/// <summary>Audits targets concurrently (bounded); one failing target never stops the others.</summary>
public sealed class AuditRunner(
    TargetAuditor auditor, IOptions<TokenGovernanceOptions> options, ProductCatalog products, TimeProvider time, ILogger<AuditRunner> logger)
{
    public async Task<AuditReport> RunAsync(IReadOnlyList<TargetOptions> targets, CancellationToken cancellationToken, AuditRequest? request = null)
    {
        var startedAt = time.GetUtcNow();
        var results = new TargetAuditResult[targets.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, targets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrentTargets), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                results[index] = await RunOneAsync(targets[index], token, request);
            });
        return new AuditReport(startedAt, time.GetUtcNow(), results);
    }

    /// <summary>
    /// One target (the auditor applies <c>AuditTimeout</c>); logs the summary line. Never throws for the audit itself: an
    /// exception that escapes the auditor (a bug) is a failed result that names its type and where it was thrown, so
    /// the worker counts it and the CLI exits 70. Only the caller's own cancellation propagates.
    /// </summary>
    public async Task<TargetAuditResult> RunOneAsync(TargetOptions target, CancellationToken cancellationToken, AuditRequest? request = null)
    {
        var startedAt = time.GetUtcNow();
        TargetAuditResult result;
        try
        {
            result = await auditor.AuditAsync(target, cancellationToken, request ?? AuditRequest.Default);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var site = ExceptionSite.Of(exception);
            logger.AuditCrashed(target.Name, exception.GetType().FullName ?? exception.GetType().Name, site, exception.StackTrace ?? string.Empty);
            result = new TargetAuditResult
            {
                Target = target.Name,
                Url = products.UrlOf(target),
                Kind = products.KindOf(target),
                Outcome = AuditOutcome.Failure,
                InternalError = true,
                Error = $"target '{target.Name}': internal error: {exception.GetType().Name}{site} (a bug in tokengov: please report it with this line)",
                StartedAt = startedAt,
                FinishedAt = time.GetUtcNow(),
            };
        }

        logger.AuditFinished(
            result.Target,
            result.Outcome.ToString().ToLowerInvariant(),
            result.Authorizations,
            result.Findings.Count(finding => !finding.Suppressed),
            result.Findings.Count(finding => finding.Suppressed),
            result.Duration.TotalSeconds);
        return result;
    }
}
