using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Products;
using TokenGovernance.Audit.References;

namespace TokenGovernance.Audit.Auditing;

/// <summary>
/// Audits one target: reads the audit token, lets the target's product reader build the inventory, runs the policy
/// and the reference sources. Product details live behind <see cref="ITargetReader"/>.
/// </summary>
public sealed class TargetAuditor(
    IEnumerable<ITargetReader> readers,
    PolicyEngine policy,
    ReferenceAuditor references,
    TokenRecordBuilder records,
    IOptions<TokenGovernanceOptions> options,
    ProductCatalog products,
    TimeProvider time,
    ILogger<TargetAuditor> logger)
{
    /// <summary>
    /// Audits within <c>AuditTimeout</c>. An expected failure (the server, the token, the data, a reference source, a
    /// pattern) is a failed result naming the cause; anything else is a bug and propagates.
    /// </summary>
    public async Task<TargetAuditResult> AuditAsync(TargetOptions target, CancellationToken cancellationToken, AuditRequest? request = null)
    {
        var startedAt = time.GetUtcNow();
        var shutdown = cancellationToken;
        var auditTimeout = options.Value.AuditTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(auditTimeout);
        var progress = new ReadProgress();
        request ??= AuditRequest.Default;
        request.Progress?.Started(target.Name, progress);
        try
        {
            var token = await TokenSource.ReadAsync(target, timeout.Token);
            var reader = readers.FirstOrDefault(candidate => candidate.CanRead(target))
                ?? throw new InvalidOperationException($"no reader is registered for target '{target.Name}'");
            // References resolve against every token of the target (a value not in a partial list would look unknown).
            var readScope = request.Scope.IsNarrowed && !options.Value.References.IsConfigured ? request.Scope : ReadScope.All;
            var (inventory, probe) = await reader.ReadAsync(target, token, progress, readScope, timeout.Token);
            var findings = policy.Evaluate(inventory);
            var byFingerprint = inventory.Tokens
                .Where(candidate => candidate.Value.Fingerprint is not null)
                .GroupBy(candidate => candidate.Value.Fingerprint!)
                .ToDictionary(group => group.Key, group => group.First());
            var (referenceFindings, referenceSummary) = await references.AuditAsync(target, inventory, byFingerprint, probe, timeout.Token);
            findings.AddRange(referenceFindings);
            var active = inventory.Tokens.Count(candidate => candidate.IsActive);
            return new TargetAuditResult
            {
                Target = target.Name,
                Url = products.UrlOf(target),
                Kind = products.KindOf(target),
                Flavor = inventory.Product,
                Outcome = AuditOutcome.Success,
                Organizations = inventory.Scopes.Count,
                Users = inventory.PrincipalsById.Count,
                Authorizations = inventory.Tokens.Count,
                ActiveAuthorizations = active,
                InactiveAuthorizations = inventory.Tokens.Count - active,
                TokenValuesVisible = inventory.Tokens.Any(candidate => candidate.Value.Visibility == TokenVisibility.Visible),
                References = referenceSummary,
                AuditUser = inventory.AuditPrincipal,
                TokenCounts = request.Detail >= AuditDetail.Counts ? records.Count(inventory) : [],
                Tokens = request.Detail == AuditDetail.Tokens ? records.Build(inventory, referenceSummary?.ByToken, findings, request.Keep) : null,
                Findings = findings,
                RulesNotApplicable = policy.NotApplicable(inventory.Capabilities),
                StartedAt = startedAt,
                FinishedAt = time.GetUtcNow(),
            };
        }
        catch (Exception exception) when (exception is TargetReadException or TokenUnavailableException or PatternTimeoutException
                                          || (exception is OperationCanceledException && timeout.IsCancellationRequested))
        {
            var during = progress.CurrentCall is { } call ? $", during {call}" : string.Empty;
            var cause = exception is not OperationCanceledException ? exception.Message
                : shutdown.IsCancellationRequested ? "audit cancelled (timeout or shutdown): the worker is stopping" + during
                : $"audit cancelled (timeout or shutdown): it took longer than {auditTimeout} (TokenGovernance:AuditTimeout){during}";
            var error = $"target '{target.Name}': {cause}";
            logger.AuditFailed(target.Name, error);
            return new TargetAuditResult
            {
                Target = target.Name,
                Url = products.UrlOf(target),
                Kind = products.KindOf(target),
                Outcome = AuditOutcome.Failure,
                Error = error,
                StartedAt = startedAt,
                FinishedAt = time.GetUtcNow(),
            };
        }
        finally
        {
            request.Progress?.Finished(target.Name);
        }
    }
}
