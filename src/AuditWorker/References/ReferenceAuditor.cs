using Microsoft.Extensions.Options;
using TokenGovernance.AuditWorker.Auditing;
using TokenGovernance.AuditWorker.Configuration;
using TokenGovernance.AuditWorker.Influx;
using TokenGovernance.AuditWorker.Policy;

namespace TokenGovernance.AuditWorker.References;

/// <summary>
/// Finds where a target's tokens are referenced and whether each still works: by declared authorization id, by
/// fingerprint when the server returns values (OSS ≤ 2.8), otherwise by one probe. A value found in a source is
/// only ever sent to that source's own target.
/// </summary>
public sealed class ReferenceAuditor(
    FileReferenceSource files,
    KubernetesReferenceSource kubernetes,
    InventoryReferenceSource inventory,
    PolicyEngine policy,
    IOptions<TokenGovernanceOptions> options,
    TimeProvider time,
    ILogger<ReferenceAuditor> logger)
{
    public async Task<(List<Finding> Findings, ReferenceSummary? Summary)> AuditAsync(
        TargetOptions target, TargetSnapshot snapshot, IReadOnlyDictionary<string, InfluxAuthorization> byFingerprint,
        InfluxApiClient client, CancellationToken cancellationToken)
    {
        var settings = options.Value.References;
        var scans = await ScanAsync(target, settings, cancellationToken);
        if (scans.Count == 0)
        {
            return ([], null);
        }

        var byId = snapshot.Authorizations.GroupBy(authorization => authorization.Id).ToDictionary(group => group.Key, group => group.First());
        var probes = new Dictionary<string, ProbeResult>(StringComparer.Ordinal);
        var counts = new Dictionary<(string Source, string State), int>();
        var findings = new List<Finding>();
        var now = time.GetUtcNow();
        var capWarned = false;
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
                var (state, authorization) = await ResolveAsync(reference, snapshot, byId, byFingerprint, probes, client, settings, cancellationToken);
                if (state == ReferenceStates.Unresolved && reference.Value is not null && settings.Probe && probes.Count >= settings.MaxProbes && !capWarned)
                {
                    capWarned = true;
                    logger.ProbeCapReached(target.Name, settings.MaxProbes);
                }

                counts[(scan.Source, state)]++;
                findings.AddRange(FindingsFor(reference, state, authorization, snapshot, now));
            }
        }

        var errors = scans.Where(scan => scan.Error is not null).Select(scan => scan.Error!).ToList();
        return (findings, new ReferenceSummary(counts, errors));
    }

    private async Task<List<SourceScan>> ScanAsync(TargetOptions target, ReferencesOptions settings, CancellationToken cancellationToken)
    {
        bool Mine(string? sourceTarget) => sourceTarget is null ? options.Value.Targets.Count == 1 : sourceTarget == target.Name;
        var scans = new List<SourceScan>();
        foreach (var source in settings.Files.Where(source => Mine(source.Target)))
        {
            scans.Add(await Task.Run(() => files.Scan(source, cancellationToken), cancellationToken));
        }

        if (settings.Kubernetes.Enabled && Mine(settings.Kubernetes.Target))
        {
            scans.AddRange(await kubernetes.ScanAsync(settings.Kubernetes, cancellationToken));
        }

        if (!string.IsNullOrWhiteSpace(settings.Inventory) && Mine(settings.InventoryTarget))
        {
            scans.Add(await inventory.ScanAsync(settings.Inventory, cancellationToken));
        }

        return scans;
    }

    private async Task<(string State, InfluxAuthorization? Authorization)> ResolveAsync(
        FoundReference reference, TargetSnapshot snapshot, Dictionary<string, InfluxAuthorization> byId,
        IReadOnlyDictionary<string, InfluxAuthorization> byFingerprint, Dictionary<string, ProbeResult> probes,
        InfluxApiClient client, ReferencesOptions settings, CancellationToken cancellationToken)
    {
        if (reference.DeclaredAuthorizationId is { } declared && byId.TryGetValue(declared, out var declaredAuthorization))
        {
            return (StateOf(declaredAuthorization, snapshot), declaredAuthorization);
        }

        if (reference.Fingerprint is { } fingerprint && byFingerprint.TryGetValue(fingerprint, out var matched))
        {
            return (StateOf(matched, snapshot), matched);
        }

        if (reference.Value is null || reference.Fingerprint is null)
        {
            // Declared, no value to probe, and the server lists no such authorization.
            return (ReferenceStates.Unknown, null);
        }

        if (!probes.TryGetValue(reference.Fingerprint, out var probe))
        {
            if (!settings.Probe || probes.Count >= settings.MaxProbes)
            {
                return (ReferenceStates.Unresolved, null);
            }

            if (probes.Count > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1 / settings.ProbesPerSecond), time, cancellationToken);
            }

            probe = await client.ProbeAsync(reference.Value, cancellationToken);
            probes[reference.Fingerprint] = probe;
        }

        // A probe tells the state, not which authorization the value is (the list hides values on OSS ≥ 2.9 and Cloud).
        return probe.Outcome switch
        {
            ProbeOutcome.Works => (ReferenceStates.Working, null),
            ProbeOutcome.TokenInactive => (ReferenceStates.Inactive, null),
            ProbeOutcome.Unknown => (ReferenceStates.Unknown, null),
            ProbeOutcome.OwnerGone => (ReferenceStates.OwnerGone, null),
            _ => (ReferenceStates.Unresolved, null),
        };
    }

    private static string StateOf(InfluxAuthorization authorization, TargetSnapshot snapshot)
    {
        if (!authorization.IsActive)
        {
            return ReferenceStates.Inactive;
        }

        var ownerGone = authorization.UserId is not null
            && (snapshot.DeletedUserIds.Contains(authorization.UserId) || snapshot.Owner(authorization) is { IsInactive: true });
        return ownerGone ? ReferenceStates.OwnerGone : ReferenceStates.Working;
    }

    private IEnumerable<Finding> FindingsFor(FoundReference reference, string state, InfluxAuthorization? authorization, TargetSnapshot snapshot, DateTimeOffset now)
    {
        var where = reference.Location;
        var which = authorization is null ? "a token" : $"token {authorization.Id}";
        var message = state switch
        {
            ReferenceStates.Inactive => (PolicyRuleIds.ReferencedTokenInactive, $"{where} holds {which}, which is inactive: whatever uses it fails with 401 at its next start"),
            ReferenceStates.Unknown => (PolicyRuleIds.ReferencedTokenUnknown, $"{where} holds {which} that the server does not know (401 unauthorized access): deleted, never valid, or from another instance"),
            ReferenceStates.OwnerGone => (PolicyRuleIds.ReferencedTokenOwnerGone, $"{where} holds {which} whose owner is inactive or deleted (403 User is inactive): it no longer works"),
            _ => ((string Id, string Text)?)null,
        };
        if (message is { } broken && Create(broken.Id, broken.Text, reference, authorization, snapshot, now) is { } finding)
        {
            yield return finding;
        }

        if (reference.Plaintext && reference.Value is not null
            && Create(PolicyRuleIds.PlaintextTokenReference, $"{where} holds {which} in plain text ({reference.Source}); keep it in a Secret or a vault", reference, authorization, snapshot, now) is { } plaintext)
        {
            yield return plaintext;
        }
    }

    private Finding? Create(string ruleId, string message, FoundReference reference, InfluxAuthorization? authorization, TargetSnapshot snapshot, DateTimeOffset now)
    {
        var rule = policy.Find(ruleId);
        if (rule is not { Enabled: true })
        {
            return null;
        }

        return policy.Apply(new Finding
        {
            Rule = rule.Descriptor,
            Severity = rule.Severity,
            Target = snapshot.TargetName,
            Org = authorization?.Org,
            OrgId = authorization?.OrgId,
            AuthorizationId = authorization?.Id ?? reference.DeclaredAuthorizationId,
            Description = authorization?.Description,
            User = authorization is null ? null : snapshot.OwnerName(authorization),
            UserId = authorization?.UserId,
            Reference = new FindingReference(reference.Source, reference.Location),
            Message = message,
        }, now);
    }
}
