using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Policy;

namespace TokenGovernance.Audit.Listing.Writers;

/// <summary>
/// The tokens a query kept, with what was read: <see cref="Complete"/> is false when a target could not be read (its
/// tokens are missing, not absent) or a reference source failed. Built from an audit made with <see cref="AuditDetail.Tokens"/>.
/// </summary>
public sealed record TokenListing(DateTimeOffset GeneratedAt, IReadOnlyList<TokenListingTarget> Targets, IReadOnlyList<TokenRecord> Tokens)
{
    public bool Complete => Targets.All(target => target.Error is null && target.ReferenceErrors.Count == 0);

    /// <summary>Every token of every successfully read target that <paramref name="query"/> keeps, with its findings, in the query's order.</summary>
    public static TokenListing From(AuditReport report, TokenQuery query, DateTimeOffset now)
    {
        var targets = new List<TokenListingTarget>(report.Targets.Count);
        var tokens = new List<TokenRecord>();
        foreach (var result in report.Targets)
        {
            var read = result.Tokens ?? [];
            targets.Add(new TokenListingTarget(result.Target, result.Flavor, result.Outcome == AuditOutcome.Success ? null : result.Error, result.Authorizations, result.References?.Errors ?? []));
            if (result.Outcome != AuditOutcome.Success || (query.Targets.Count > 0 && !query.Targets.Contains(result.Target, StringComparer.Ordinal)))
            {
                continue;
            }

            // Records kept for a query already carry their findings (the auditor needed them to filter); the worker's
            // snapshot records do not, and get them here, with the history's first sightings.
            Dictionary<string, List<ReportFinding>>? findingsByToken = null;
            foreach (var token in read)
            {
                var withFindings = token.Findings is not null
                    ? token
                    : token with { Findings = (findingsByToken ??= ReportFinding.ByToken(result.Findings)).GetValueOrDefault(token.Id) ?? [] };
                if (query.Matches(withFindings, now))
                {
                    tokens.Add(withFindings);
                }
            }
        }

        return new TokenListing(now, targets, Sorted(tokens, query.Sort));
    }

    private static List<TokenRecord> Sorted(List<TokenRecord> tokens, TokenSort sort)
    {
        var byTarget = tokens.OrderBy(token => token.Target, StringComparer.Ordinal).ThenBy(token => token.Id, StringComparer.Ordinal);
        return sort switch
        {
            TokenSort.Created => [.. tokens.OrderByDescending(token => token.CreatedAt ?? DateTimeOffset.MinValue).ThenBy(token => token.Target, StringComparer.Ordinal).ThenBy(token => token.Id, StringComparer.Ordinal)],
            TokenSort.Age => [.. tokens.OrderBy(token => token.CreatedAt ?? DateTimeOffset.MaxValue).ThenBy(token => token.Target, StringComparer.Ordinal).ThenBy(token => token.Id, StringComparer.Ordinal)],
            TokenSort.Owner => [.. tokens.OrderBy(token => token.OwnerName is null ? 1 : 0).ThenBy(token => token.OwnerName, StringComparer.Ordinal).ThenBy(token => token.Target, StringComparer.Ordinal).ThenBy(token => token.Id, StringComparer.Ordinal)],
            _ => [.. byTarget],
        };
    }
}

/// <summary>One target of a listing: read (<see cref="Error"/> null) or not, and how many tokens it has.</summary>
public sealed record TokenListingTarget(string Name, string? Product, string? Error, int TokensRead, IReadOnlyList<string> ReferenceErrors)
{
    /// <summary><c>success</c> or <c>failure</c>, as in the audit report.</summary>
    public string Outcome => Error is null ? "success" : "failure";
}
