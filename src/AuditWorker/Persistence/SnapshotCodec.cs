using System.IO.Compression;
using System.Text.Json;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.References;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// Turns a <see cref="TargetAuditResult"/> into the stored payload and back: source-generated JSON, Brotli-compressed
/// (fastest level), behind a one-byte format marker so the encoding can change without a migration.
/// </summary>
public sealed class SnapshotCodec(PolicyRuleCatalog catalog)
{
    private const byte BrotliJson = 1;

    public byte[] Encode(TargetAuditResult result)
    {
        using var buffer = new MemoryStream();
        buffer.WriteByte(BrotliJson);
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, ToStored(result), SnapshotJsonContext.Default.StoredAuditResult);
        }

        return buffer.ToArray();
    }

    public TargetAuditResult Decode(byte[] payload)
    {
        if (payload.Length == 0 || payload[0] != BrotliJson)
        {
            throw new InvalidDataException($"stored audit snapshot has unknown format {(payload.Length == 0 ? "(empty)" : payload[0].ToString())}");
        }

        using var brotli = new BrotliStream(new MemoryStream(payload, 1, payload.Length - 1, writable: false), CompressionMode.Decompress);
        var stored = JsonSerializer.Deserialize(brotli, SnapshotJsonContext.Default.StoredAuditResult)
            ?? throw new InvalidDataException("stored audit snapshot is empty");
        return FromStored(stored);
    }

    private static StoredAuditResult ToStored(TargetAuditResult result) => new()
    {
        Target = result.Target,
        Url = result.Url,
        Flavor = result.Flavor ?? "auto",
        Kind = result.Kind,
        Outcome = result.Outcome == AuditOutcome.Success ? "success" : "failure",
        Error = result.Error,
        Organizations = result.Organizations,
        Users = result.Users,
        Authorizations = result.Authorizations,
        ActiveAuthorizations = result.ActiveAuthorizations,
        InactiveAuthorizations = result.InactiveAuthorizations,
        TokenValuesVisible = result.TokenValuesVisible,
        StartedAt = result.StartedAt,
        FinishedAt = result.FinishedAt,
        ReferenceCounts = result.References?.CountsBySourceAndState.Select(pair => new StoredReferenceCount(pair.Key.Source, pair.Key.State, pair.Value)).ToList(),
        ReferenceErrors = result.References?.Errors.ToList(),
        RulesNotApplicable = result.RulesNotApplicable.Count > 0 ? result.RulesNotApplicable.ToList() : null,
        TokenCounts = result.TokenCounts.Count > 0 ? result.TokenCounts.ToList() : null,
        Tokens = result.Tokens?.ToList(),
        Findings = result.Findings.Select(finding => new StoredFinding
        {
            RuleId = finding.Rule.Id,
            Severity = finding.Severity,
            Org = finding.Org,
            OrgId = finding.OrgId,
            AuthorizationId = finding.AuthorizationId,
            Description = finding.Description,
            TokenName = finding.TokenName,
            User = finding.User,
            UserId = finding.UserId,
            ReferenceSource = finding.Reference?.Source,
            ReferenceLocation = finding.Reference?.Location,
            ReferenceMatchedBy = finding.Reference?.MatchedBy,
            Message = finding.Message,
            Suppressed = finding.Suppressed,
            Exemption = finding.Exemption,
            FirstSeen = finding.FirstSeen,
        }).ToList(),
    };

    private TargetAuditResult FromStored(StoredAuditResult stored)
    {
        var rules = new Dictionary<string, PolicyRuleDescriptor>(StringComparer.Ordinal);
        return new TargetAuditResult
        {
            Target = stored.Target,
            Url = stored.Url,
            Flavor = stored.Flavor == "auto" ? null : stored.Flavor,
            // Snapshots stored before targets had kinds were all of InfluxDB v2.
            Kind = stored.Kind ?? Audit.InfluxV2.InfluxV2Product.Kind,
            Outcome = stored.Outcome == "success" ? AuditOutcome.Success : AuditOutcome.Failure,
            Error = stored.Error,
            Organizations = stored.Organizations,
            Users = stored.Users,
            Authorizations = stored.Authorizations,
            ActiveAuthorizations = stored.ActiveAuthorizations,
            InactiveAuthorizations = stored.InactiveAuthorizations,
            TokenValuesVisible = stored.TokenValuesVisible,
            StartedAt = stored.StartedAt,
            FinishedAt = stored.FinishedAt,
            References = stored.ReferenceCounts is null
                ? null
                : new ReferenceSummary(stored.ReferenceCounts.ToDictionary(count => (count.Source, count.State), count => count.Count), stored.ReferenceErrors ?? []),
            RulesNotApplicable = stored.RulesNotApplicable ?? [],
            TokenCounts = stored.TokenCounts ?? [],
            Tokens = stored.Tokens,
            Findings = stored.Findings.Select(finding => new Finding
            {
                Rule = Rule(finding.RuleId, finding.Severity, rules),
                Severity = finding.Severity,
                Target = stored.Target,
                Org = finding.Org,
                OrgId = finding.OrgId,
                AuthorizationId = finding.AuthorizationId,
                Description = finding.Description,
                TokenName = finding.TokenName,
                User = finding.User,
                UserId = finding.UserId,
                Reference = finding.ReferenceLocation is null ? null : new FindingReference(finding.ReferenceSource ?? string.Empty, finding.ReferenceLocation, finding.ReferenceMatchedBy),
                Message = finding.Message,
                Suppressed = finding.Suppressed,
                Exemption = finding.Exemption,
                FirstSeen = finding.FirstSeen,
            }).ToList(),
        };
    }

    /// <summary>A rule this release does not know (written by a newer replica) keeps its id as slug and title.</summary>
    private PolicyRuleDescriptor Rule(string id, Severity severity, Dictionary<string, PolicyRuleDescriptor> seen)
    {
        if (!seen.TryGetValue(id, out var descriptor))
        {
            descriptor = catalog.TryGet(id, out var known) ? known : new PolicyRuleDescriptor(id, id, severity, id);
            seen[id] = descriptor;
        }

        return descriptor;
    }
}
