using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Model;
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
        var byHashPrefix = inventory.Tokens.Where(token => token.HashPrefix is not null)
            .GroupBy(token => token.HashPrefix!, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var matcher = new Matcher(inventory, byId, byFingerprint, byHashPrefix, probe);
        var probes = new Dictionary<string, ProbeResult>(StringComparer.Ordinal);
        var counts = new Dictionary<(string Source, string State), int>();
        var findings = new List<Finding>();
        var now = time.GetUtcNow();
        var capWarned = false;
        var idOnlyWarned = false;
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
                var (state, token, matchedBy) = await ResolveAsync(reference, matcher, probes, probe, settings, cancellationToken);
                if (state == ReferenceStates.Unresolved && reference.Value is not null && settings.Probe && probes.Count >= settings.MaxProbes && !capWarned)
                {
                    capWarned = true;
                    logger.ProbeCapReached(target.Name, settings.MaxProbes);
                }

                counts[(scan.Source, state)]++;
                if (token is not null)
                {
                    (byToken.TryGetValue(token.Id, out var held) ? held : byToken[token.Id] = []).Add(new TokenReferenceRecord(reference.Source, reference.Location, state, matchedBy, reference.Fingerprint));
                }

                findings.AddRange(FindingsFor(new ResolvedReference(reference, state, token, matchedBy), inventory, now));
                if (state == ReferenceStates.Unresolved && reference.Value is not null && !matcher.CanMatchValues && !idOnlyWarned)
                {
                    idOnlyWarned = true;
                    logger.ValuesNotMatchable(target.Name, inventory.Product);
                }
            }
        }

        var errors = scans.Where(scan => scan.Error is not null).Select(scan => scan.Error!).ToList();
        return (findings, new ReferenceSummary(counts, errors) { ByToken = byToken });
    }

    /// <summary>The lookups a reference is matched with, built once per target.</summary>
    private sealed record Matcher(
        TargetInventory Inventory, Dictionary<string, Token> ById, IReadOnlyDictionary<string, Token> ByFingerprint, Dictionary<string, Token> ByHashPrefix, ITokenProbe Probe)
    {
        /// <summary>A product that lists every token with its hash prefix: a value none matches is unknown there.</summary>
        public bool ListsHashes => ByHashPrefix.Count > 0;

        /// <summary>A product that takes a probe (<see cref="ITokenProbe"/> other than <see cref="NoTokenProbe"/>).</summary>
        public bool Probes => !ReferenceEquals(Probe, NoTokenProbe.Instance);

        /// <summary>A product that exposes neither values nor hashes, and takes no probe: only a declared id matches.</summary>
        public bool CanMatchValues => Inventory.Capabilities.HashesValues || Probes;
    }

    private async Task<(string State, Token? Token, string? MatchedBy)> ResolveAsync(
        FoundReference reference, Matcher matcher, Dictionary<string, ProbeResult> probes,
        ITokenProbe probe, ReferencesOptions settings, CancellationToken cancellationToken)
    {
        var inventory = matcher.Inventory;
        if (reference.DeclaredAuthorizationId is { } declared && matcher.ById.TryGetValue(declared, out var declaredToken))
        {
            return (StateOf(declaredToken, inventory), declaredToken, ReferenceMatches.Id);
        }

        if (reference.Fingerprint is { } fingerprint && matcher.ByFingerprint.TryGetValue(fingerprint, out var matched))
        {
            return (StateOf(matched, inventory), matched, ReferenceMatches.Fingerprint);
        }

        if (reference.Value is null || reference.Fingerprint is null)
        {
            // Declared, no value to probe, and the server lists no such token.
            return (ReferenceStates.Unknown, null, null);
        }

        if (matcher.ListsHashes)
        {
            // Computed here: the value goes nowhere. The server lists every token, so a value no hash matches is unknown to it.
            return matcher.ByHashPrefix.TryGetValue(TokenHashes.Sha512Prefix(reference.Value), out var hashed)
                ? (StateOf(hashed, inventory), hashed, ReferenceMatches.HashPrefix)
                : (ReferenceStates.Unknown, null, null);
        }

        if (!matcher.Probes)
        {
            return (ReferenceStates.Unresolved, null, null);
        }

        if (!probes.TryGetValue(reference.Fingerprint, out var result))
        {
            if (!settings.Probe || probes.Count >= settings.MaxProbes)
            {
                return (ReferenceStates.Unresolved, null, null);
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
            ProbeOutcome.Works => (ReferenceStates.Working, null, ReferenceMatches.Probe),
            ProbeOutcome.TokenInactive => (ReferenceStates.Inactive, null, ReferenceMatches.Probe),
            ProbeOutcome.Unknown => (ReferenceStates.Unknown, null, ReferenceMatches.Probe),
            ProbeOutcome.OwnerGone => (ReferenceStates.OwnerGone, null, ReferenceMatches.Probe),
            _ => (ReferenceStates.Unresolved, null, null),
        };
    }

    private static string StateOf(Token token, TargetInventory inventory)
    {
        if (!token.IsActive)
        {
            // Inactive (v2), expired (v3) or revoked (Dedicated, Clustered): a dead reference alike.
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
                TokenName = token?.Name,
                User = token is null ? null : inventory.OwnerName(token),
                UserId = token?.OwnerId,
                Reference = new FindingReference(resolved.Reference.Source, resolved.Reference.Location, resolved.MatchedBy),
                Message = message,
            }, now);
        }
    }
}
