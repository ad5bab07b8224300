using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Products;
using TokenGovernance.Audit.Remediation;
using TokenGovernance.Audit.Reporting;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Telemetry;

/// <summary>
/// The worker's metrics. Exposition names are a contract: <c>tokengov_findings</c>, <c>tokengov_findings_suppressed</c>,
/// <c>tokengov_authorizations</c>, <c>tokengov_tokens</c>, <c>tokengov_audit_runs_total</c>, <c>tokengov_audit_duration_seconds</c>,
/// <c>tokengov_last_success_timestamp_seconds</c>, <c>tokengov_build_info</c>, and from the findings history
/// <c>tokengov_findings_opened_total</c>, <c>tokengov_findings_resolved_total</c>,
/// <c>tokengov_finding_oldest_age_seconds</c>. Labels stay low-cardinality:
/// never a token, user or authorization id.
/// </summary>
public sealed class AuditMetrics
{
    public const string MeterName = "TokenGovernance";
    public const string DurationInstrument = "tokengov.audit.duration";

    /// <summary>Second-scale buckets: an audit takes from a fraction of a second to minutes.</summary>
    public static readonly double[] DurationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly ConcurrentDictionary<(string Target, string Outcome), long> _runs = new();
    private readonly Histogram<double> _duration;

    public AuditMetrics(
        IMeterFactory meterFactory, AuditStateStore state, PolicyEngine policy, TimeProvider time, IOptions<TokenGovernanceOptions> options,
        Remediation.RemediationStatus remediation, ProductCatalog products)
    {
        var kinds = string.Join(", ", products.Kinds);
        var meter = meterFactory.Create(MeterName, ToolInfo.Version);
        // Both outcomes exist from the start for every configured target, at 0: a target that fails from its first
        // run shows a rising failure counter that increase() sees, instead of no series at all. Observed rather than
        // added to: a counter's Add(0) made before the exporter listens is dropped, and the series with it.
        foreach (var target in options.Value.Targets)
        {
            _runs.TryAdd((target.Name, "success"), 0);
            _runs.TryAdd((target.Name, "failure"), 0);
        }

        meter.CreateObservableCounter("tokengov.audit.runs", ObserveRuns, description: "Audits run, by target and outcome (success or failure).");

        _duration = meter.CreateHistogram<double>(DurationInstrument, unit: "s", description: "Wall time of one audit of one target.");

        meter.CreateObservableGauge("tokengov.findings", () => ObserveFindings(state, policy),
            description: "Unsuppressed findings in the last successful audit, by target, rule and severity.");
        meter.CreateObservableGauge("tokengov.findings_suppressed", () => ObserveSuppressed(state, policy),
            description: "Exempted findings in the last successful audit, by target and rule.");
        meter.CreateObservableGauge("tokengov.authorizations", () => ObserveAuthorizations(state),
            description: $"Tokens seen in the last successful audit, by target, kind ({kinds}) and status (active or inactive: v3 expired or revoked).");
        meter.CreateObservableGauge("tokengov.tokens", () => ObserveTokens(state),
            description: $"Tokens in the last successful audit, by target, kind ({kinds}), owner kind (generic, personal, admin, deleted, none), access (read, write, admin) and status.");
        if (remediation.Enabled)
        {
            meter.CreateObservableGauge("tokengov.remediation_actions", () => ObserveRemediation(state, remediation),
                description: "Remediation actions of the last successful audit, by target, rule, action and state (due, pending, refused).");
        }

        meter.CreateObservableGauge("tokengov.references", () => ObserveReferences(state),
            description: "Token references found in the last successful audit, by target, source and state.");
        meter.CreateObservableGauge("tokengov.last_success_timestamp", () => ObserveLastSuccess(state), unit: "s",
            description: "Unix time of the last successful audit of the target.");
        meter.CreateObservableCounter("tokengov.findings_opened", () => ObserveCounts(state, policy, counts => counts.Opened),
            description: "Findings that opened (first seen, or seen again after they resolved), by target and rule.");
        meter.CreateObservableCounter("tokengov.findings_resolved", () => ObserveCounts(state, policy, counts => counts.Resolved),
            description: "Findings that resolved (no longer seen by a successful audit), by target and rule.");
        meter.CreateObservableGauge("tokengov.finding_oldest_age", () => ObserveOldestAge(state, time), unit: "s",
            description: "Age of the oldest open unsuppressed finding, by target and severity (0 when none is open).");
        meter.CreateObservableGauge("tokengov.build_info", () => new Measurement<long>(1, new KeyValuePair<string, object?>("version", ToolInfo.Version)),
            description: "Always 1; the version label tells the running version.");
    }

    public void RecordRun(TargetAuditResult result)
    {
        _runs.AddOrUpdate((result.Target, result.Outcome == AuditOutcome.Success ? "success" : "failure"), 1, (_, count) => count + 1);
        _duration.Record(result.Duration.TotalSeconds, new KeyValuePair<string, object?>("target", result.Target));
    }

    private IEnumerable<Measurement<long>> ObserveRuns() => _runs.Select(pair => new Measurement<long>(pair.Value,
        new KeyValuePair<string, object?>("target", pair.Key.Target), new KeyValuePair<string, object?>("outcome", pair.Key.Outcome)));

    private static IEnumerable<Measurement<long>> ObserveFindings(AuditStateStore state, PolicyEngine policy) =>
        PerEnabledRule(state, policy, withSeverity: true, (_, success) => CountsByRule(success, suppressed: false).GetValueOrDefault);

    private static IEnumerable<Measurement<long>> ObserveSuppressed(AuditStateStore state, PolicyEngine policy) =>
        PerEnabledRule(state, policy, withSeverity: false, (_, success) => CountsByRule(success, suppressed: true).GetValueOrDefault);

    private static IEnumerable<Measurement<long>> ObserveCounts(AuditStateStore state, PolicyEngine policy, Func<FindingCounts, long> select) =>
        PerEnabledRule(state, policy, withSeverity: false, (target, _) =>
        {
            var counts = state.Counts.GetValueOrDefault(target);
            return ruleId => counts is not null && counts.TryGetValue(ruleId, out var count) ? select(count) : 0;
        });

    /// <summary>
    /// Every enabled rule gets a series per audited target (0 when clean or nothing opened yet), so alerts can use
    /// plain comparisons. <paramref name="valuesFor"/> is asked once per target and answers per rule id.
    /// </summary>
    private static IEnumerable<Measurement<long>> PerEnabledRule(
        AuditStateStore state, PolicyEngine policy, bool withSeverity, Func<string, TargetAuditResult, Func<string, long>> valuesFor)
    {
        foreach (var (target, targetState) in state.Targets)
        {
            if (targetState.LastSuccess is not { } success)
            {
                continue;
            }

            var value = valuesFor(target, success);
            foreach (var rule in policy.Rules.Where(rule => rule.Enabled))
            {
                var targetTag = new KeyValuePair<string, object?>("target", target);
                var ruleTag = new KeyValuePair<string, object?>("rule", rule.Descriptor.Id);
                yield return withSeverity
                    ? new Measurement<long>(value(rule.Descriptor.Id), targetTag, ruleTag, new KeyValuePair<string, object?>("severity", rule.Severity.ToName()))
                    : new Measurement<long>(value(rule.Descriptor.Id), targetTag, ruleTag);
            }
        }
    }

    /// <summary>One pass over the findings per scrape, instead of one pass per rule.</summary>
    private static Dictionary<string, long> CountsByRule(TargetAuditResult success, bool suppressed)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var finding in success.Findings)
        {
            if (finding.Suppressed == suppressed)
            {
                counts[finding.Rule.Id] = counts.GetValueOrDefault(finding.Rule.Id) + 1;
            }
        }

        return counts;
    }

    private static IEnumerable<Measurement<double>> ObserveOldestAge(AuditStateStore state, TimeProvider time)
    {
        var now = time.GetUtcNow();
        foreach (var (target, targetState) in state.Targets)
        {
            if (targetState.LastSuccess is not { } success)
            {
                continue;
            }

            var oldest = new DateTimeOffset?[5];
            foreach (var finding in success.Findings)
            {
                if (!finding.Suppressed && finding.FirstSeen is { } firstSeen && (oldest[(int)finding.Severity] is not { } current || firstSeen < current))
                {
                    oldest[(int)finding.Severity] = firstSeen;
                }
            }

            foreach (var severity in (Severity[])[Severity.Critical, Severity.High, Severity.Medium, Severity.Low])
            {
                var age = oldest[(int)severity] is { } firstSeen ? Math.Max(0, (now - firstSeen).TotalSeconds) : 0;
                yield return new Measurement<double>(Math.Round(age, 3),
                    new KeyValuePair<string, object?>("target", target),
                    new KeyValuePair<string, object?>("severity", severity.ToName()));
            }
        }
    }

    private static IEnumerable<Measurement<long>> ObserveAuthorizations(AuditStateStore state)
    {
        foreach (var (target, targetState) in state.Targets)
        {
            if (targetState.LastSuccess is not { } success)
            {
                continue;
            }

            // kind: the product plug-in's word (inactive where a product cannot deactivate: expired or revoked).
            yield return new Measurement<long>(success.ActiveAuthorizations,
                new KeyValuePair<string, object?>("target", target), new KeyValuePair<string, object?>("kind", success.Kind),
                new KeyValuePair<string, object?>("status", "active"));
            yield return new Measurement<long>(success.InactiveAuthorizations,
                new KeyValuePair<string, object?>("target", target), new KeyValuePair<string, object?>("kind", success.Kind),
                new KeyValuePair<string, object?>("status", "inactive"));
        }
    }

    private static IEnumerable<Measurement<long>> ObserveTokens(AuditStateStore state)
    {
        foreach (var (target, targetState) in state.Targets)
        {
            foreach (var count in targetState.LastSuccess?.TokenCounts ?? [])
            {
                yield return new Measurement<long>(count.Count,
                    new KeyValuePair<string, object?>("target", target),
                    new KeyValuePair<string, object?>("kind", targetState.LastSuccess!.Kind),
                    new KeyValuePair<string, object?>("owner_kind", count.OwnerKind),
                    new KeyValuePair<string, object?>("access", count.Access),
                    new KeyValuePair<string, object?>("status", count.Status));
            }
        }
    }

    private static IEnumerable<Measurement<long>> ObserveRemediation(AuditStateStore state, Remediation.RemediationStatus remediation)
    {
        string[] states = [Audit.Remediation.ActionStates.Due, Audit.Remediation.ActionStates.Pending, Audit.Remediation.ActionStates.Refused];
        foreach (var (target, targetState) in state.Targets)
        {
            if (targetState.LastSuccess is not { } success || remediation.PlanFor(success) is not { } plan)
            {
                continue;
            }

            var counts = plan.Actions.GroupBy(action => (action.Rule, action.Action, action.State)).ToDictionary(group => group.Key, group => (long)group.Count());
            var keys = remediation.ConfiguredRules().SelectMany(rule => states.Select(actionState => (rule, KnownActions.Deactivate, actionState))).Union(counts.Keys);
            foreach (var (rule, action, actionState) in keys)
            {
                yield return new Measurement<long>(counts.GetValueOrDefault((rule, action, actionState)),
                    new KeyValuePair<string, object?>("target", target), new KeyValuePair<string, object?>("rule", rule),
                    new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("state", actionState));
            }
        }
    }

    private static IEnumerable<Measurement<long>> ObserveReferences(AuditStateStore state)
    {
        foreach (var (target, targetState) in state.Targets)
        {
            if (targetState.LastSuccess?.References is not { } references)
            {
                continue;
            }

            foreach (var ((source, referenceState), count) in references.CountsBySourceAndState)
            {
                yield return new Measurement<long>(count,
                    new KeyValuePair<string, object?>("target", target),
                    new KeyValuePair<string, object?>("source", source),
                    new KeyValuePair<string, object?>("state", referenceState));
            }
        }
    }

    private static IEnumerable<Measurement<double>> ObserveLastSuccess(AuditStateStore state)
    {
        foreach (var (target, targetState) in state.Targets)
        {
            // 0 for a target that has only ever failed: "never", which the stale-audit alert treats as very old.
            var seconds = targetState.LastSuccess is { } success ? success.FinishedAt.ToUnixTimeMilliseconds() / 1000.0 : 0;
            yield return new Measurement<double>(seconds, new KeyValuePair<string, object?>("target", target));
        }
    }
}
