using TokenGovernance.Audit.References;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Policy;

namespace TokenGovernance.Audit.References;

/// <summary>
/// Finds where a target's tokens are referenced and whether each still works: by declared token id, by
/// fingerprint when the server returns values (OSS ≤ 2.8), otherwise by one probe. A value found in a source is
/// only ever sent to that source's own target. The sources and the reference rules are DI collections.
/// </summary>
public sealed class ReferenceAuditor(
    IEnumerable<IReferenceSource> sources,
    IEnumerable<IPolicyRule> rules,
    PolicyEngine policy,
    IOptions<TokenGovernanceOptions> options,
    TimeProvider time,
    ILogger<ReferenceAuditor> logger)
{
    private readonly IReadOnlyList<IReferenceRule> _rules = rules.OfType<IReferenceRule>().ToList();

    public async Task<(List<Finding> Findings, ReferenceSummary? Summary)> AuditAsync(
        TargetOptions target, TargetInventory inventory, IReadOnlyDictionary<string, Token> byFingerprint,
        ITokenProbe probe, CancellationToken cancellationToken)
    {
        var settings = options.Value.References;
        var scans = new List<SourceScan>();
        foreach (var source in sources)
        {
            scans.AddRange(await source.ScanAsync(target, cancellationToken));
        }

        if (scans.Count == 0)
        {
            return ([], null);
        }

        var byId = inventory.Tokens.GroupBy(token => token.Id).ToDictionary(group => group.Key, group => group.First());
        var probes = new Dictionary<string, ProbeResult>(StringComparer.Ordinal);
        var counts = new Dictionary<(string Source, string State), int>();
        var findings = new List<Finding>();
        var now = time.GetUtcNow();
        var capWarned = false;
        var byToken = new Dictionary<string, List<TokenReferenceRecord>>(StringComparer.Ordinal);
        foreach (var scan in scans)
        {
            foreach (var state in ReferenceStates.All)
            {
                counts.TryAdd((scan.Source, state), 0);
            }

            if (scan.Error is not null)
            {
                logger.ReferenceSourceFailed(target.Name, scan.Error);
            }

            foreach (var reference in scan.References)
            {
                var (state, token) = await ResolveAsync(reference, inventory, byId, byFingerprint, probes, probe, settings, cancellationToken);
                if (state == ReferenceStates.Unresolved && reference.Value is not null && settings.Probe && probes.Count >= settings.MaxProbes && !capWarned)
                {
                    capWarned = true;
                    logger.ProbeCapReached(target.Name, settings.MaxProbes);
                }

                counts[(scan.Source, state)]++;
                if (token is not null)
                {
                    (byToken.TryGetValue(token.Id, out var held) ? held : byToken[token.Id] = []).Add(new TokenReferenceRecord(reference.Source, reference.Location, state));
                }

                findings.AddRange(FindingsFor(new ResolvedReference(reference, state, token), inventory, now));
            }
        }

        var errors = scans.Where(scan => scan.Error is not null).Select(scan => scan.Error!).ToList();
        return (findings, new ReferenceSummary(counts, errors) { ByToken = byToken });
    }

    private async Task<(string State, Token? Token)> ResolveAsync(
        FoundReference reference, TargetInventory inventory, Dictionary<string, Token> byId,
        IReadOnlyDictionary<string, Token> byFingerprint, Dictionary<string, ProbeResult> probes,
        ITokenProbe probe, ReferencesOptions settings, CancellationToken cancellationToken)
    {
        if (reference.DeclaredAuthorizationId is { } declared && byId.TryGetValue(declared, out var declaredToken))
        {
            return (StateOf(declaredToken, inventory), declaredToken);
        }

        if (reference.Fingerprint is { } fingerprint && byFingerprint.TryGetValue(fingerprint, out var matched))
        {
            return (StateOf(matched, inventory), matched);
        }

        if (reference.Value is null || reference.Fingerprint is null)
        {
            // Declared, no value to probe, and the server lists no such token.
            return (ReferenceStates.Unknown, null);
        }

        if (!probes.TryGetValue(reference.Fingerprint, out var result))
        {
            if (!settings.Probe || probes.Count >= settings.MaxProbes)
            {
                return (ReferenceStates.Unresolved, null);
            }

            if (probes.Count > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1 / settings.ProbesPerSecond), time, cancellationToken);
            }

            result = await probe.ProbeAsync(reference.Value, cancellationToken);
            probes[reference.Fingerprint] = result;
        }

        // A probe tells the state, not which token the value is (the list hides values on OSS ≥ 2.9 and Cloud).
        return result.Outcome switch
        {
            ProbeOutcome.Works => (ReferenceStates.Working, null),
            ProbeOutcome.TokenInactive => (ReferenceStates.Inactive, null),
            ProbeOutcome.Unknown => (ReferenceStates.Unknown, null),
            ProbeOutcome.OwnerGone => (ReferenceStates.OwnerGone, null),
            _ => (ReferenceStates.Unresolved, null),
        };
    }

    private static string StateOf(Token token, TargetInventory inventory)
    {
        if (!token.IsActive)
        {
            return ReferenceStates.Inactive;
        }

        var ownerGone = token.OwnerId is not null && (inventory.IsDeleted(token.OwnerId) || inventory.Owner(token) is { IsInactive: true });
        return ownerGone ? ReferenceStates.OwnerGone : ReferenceStates.Working;
    }

    private IEnumerable<Finding> FindingsFor(ResolvedReference resolved, TargetInventory inventory, DateTimeOffset now)
    {
        foreach (var rule in _rules)
        {
            var settings = policy.Find(rule.Descriptor.Id);
            if (settings is not { Enabled: true } || rule.Evaluate(resolved) is not { } message)
            {
                continue;
            }

            var token = resolved.Token;
            yield return policy.Apply(new Finding
            {
                Rule = settings.Descriptor,
                Severity = settings.Severity,
                Target = inventory.TargetName,
                Org = token?.ScopeName,
                OrgId = token?.ScopeId,
                AuthorizationId = token?.Id ?? resolved.Reference.DeclaredAuthorizationId,
                Description = token?.Description,
                User = token is null ? null : inventory.OwnerName(token),
                UserId = token?.OwnerId,
                Reference = new FindingReference(resolved.Reference.Source, resolved.Reference.Location),
                Message = message,
            }, now);
        }
    }
}
