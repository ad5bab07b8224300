using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Products;
using TokenGovernance.Audit.Reporting;

namespace TokenGovernance.Audit.Remediation;

/// <summary>What the plan command learned of a target's service user: the user, or why there is none to use.</summary>
public sealed record ServiceUserCheck(Model.Principal? User, string? Problem);

/// <summary>
/// Turns an audit (made with token records) into a <see cref="RemediationPlan"/>: each unsuppressed finding whose rule
/// has an action, on an active token that is not protected, is an action; it is due once the finding has been open
/// <c>GraceDays</c>; a target whose due actions pass <c>MaxActionsPerTarget</c> or <c>MaxPercentPerTarget</c> is refused whole.
/// </summary>
public sealed class RemediationPlanner(TokenGovernanceOptions options, ProductCatalog products)
{
    private readonly RemediationOptions _settings = options.Remediation;
    private readonly RemediationProtection _protection = new(options.Remediation.Protect);

    /// <param name="firstSeen">When each finding (target, rule, token id) was first seen, from the findings history; null falls back to the finding's own.</param>
    /// <param name="serviceUsers">
    /// Per target, its service user as the server knows it (the plan command looks it up); a re-issue without one is
    /// refused. Null (the worker): re-issues are listed without a new token, for a person to plan and apply.
    /// </param>
    public RemediationPlan Plan(
        AuditReport report, IReadOnlySet<string> rules, DateTimeOffset now, Func<string, string, string, DateTimeOffset?>? firstSeen = null,
        IReadOnlyDictionary<string, ServiceUserCheck>? serviceUsers = null)
    {
        var targets = new List<PlanTarget>();
        var actions = new List<PlannedAction>();
        var skipped = new List<SkippedToken>();
        foreach (var result in report.Targets)
        {
            if (result.Outcome != AuditOutcome.Success)
            {
                targets.Add(new PlanTarget(result.Target, result.Flavor, result.Error, 0, 0, 0, null));
                continue;
            }

            var tokens = (result.Tokens ?? []).ToDictionary(token => token.Id, StringComparer.Ordinal);
            var planned = new List<PlannedAction>();
            var candidates = result.Findings
                .Where(finding => !finding.Suppressed && finding.AuthorizationId is not null && (rules.Count == 0 || rules.Contains(finding.Rule.Id)) && ActionFor(finding.Rule.Id) != RemediationAction.None)
                .GroupBy(finding => finding.AuthorizationId!, StringComparer.Ordinal);
            foreach (var group in candidates)
            {
                var finding = group.OrderByDescending(candidate => candidate.Severity).ThenBy(candidate => candidate.Rule.Id, StringComparer.Ordinal).First();
                if (!tokens.TryGetValue(group.Key, out var token) || token.Status != "active")
                {
                    continue;
                }

                if (!products.ChangesTokens(result.Kind))
                {
                    // A product that cannot deactivate deletes or revokes, for good. Not planned, said so.
                    var changing = products.ApiNamesWhere(product => product.ChangesTokens);
                    skipped.Add(new SkippedToken(result.Target, token.Id, finding.Rule.Id, ActionFor(finding.Rule.Id) == RemediationAction.Reissue
                        ? $"re-issue is built for {changing} targets only; a {result.Kind} token is not re-issued"
                        : $"deactivate exists on {changing} only; a {result.Kind} token can only be deleted or revoked, which cannot be undone"));
                    continue;
                }

                if (_protection.Reason(token.Id, token.Kind, token.OwnerId, token.OwnerName, token.Description, result.AuditUser) is { } protectedBecause)
                {
                    skipped.Add(new SkippedToken(result.Target, token.Id, finding.Rule.Id, protectedBecause));
                    continue;
                }

                var opened = firstSeen?.Invoke(result.Target, finding.Rule.Id, token.Id) ?? finding.FirstSeen ?? now;
                // A token re-issued before is retired, whichever action its rule has now: its description carries the mark,
                // and the token the mark names says it was re-issued from this one (a description alone proves nothing).
                var action = ReissueFlow.TryReadMark(token.Description, out var newId, out var reissuedAt)
                    && tokens.TryGetValue(newId, out var successor) && successor.Description?.EndsWith($"(re-issued from {token.Id})", StringComparison.Ordinal) == true
                    ? Retire(result.Target, token, finding, newId, reissuedAt, now)
                    : ActionFor(finding.Rule.Id) == RemediationAction.Reissue ? Reissue(result.Target, token, finding, opened, now, serviceUsers)
                    : Deactivate(result.Target, token, finding, opened, now);
                planned.Add(action);
            }

            var due = planned.Count(action => action.State == ActionStates.Due);
            var refused = CapProblem(result.Target, due, result.Authorizations);
            if (refused is not null)
            {
                planned = planned.Select(action => action.State == ActionStates.Due ? action with { State = ActionStates.Refused, Reason = refused } : action).ToList();
            }

            targets.Add(new PlanTarget(result.Target, result.Flavor, null, result.Authorizations, refused is null ? due : 0,
                planned.Count(action => action.State == ActionStates.Pending), refused));
            actions.AddRange(planned.OrderBy(action => action.DueAt).ThenBy(action => action.TokenId, StringComparer.Ordinal));
        }

        var plan = new RemediationPlan
        {
            Tool = new ReportTool(ToolInfo.Name, ToolInfo.Version),
            CreatedAt = now,
            ConfigDigest = ConfigDigest(options),
            Targets = targets,
            Actions = actions,
            Skipped = skipped,
        };
        return PlanFile.Seal(plan);
    }

    private PlannedAction Deactivate(string target, TokenRecord token, Finding finding, DateTimeOffset opened, DateTimeOffset now)
    {
        var dueAt = opened.AddDays(_settings.GraceDays);
        return Base(target, token, finding) with
        {
            Action = KnownActions.Deactivate,
            FirstSeen = opened,
            DueAt = dueAt,
            State = dueAt <= now ? ActionStates.Due : ActionStates.Pending,
        };
    }

    /// <summary>
    /// The retirement of a token re-issued before: a deactivation due <c>GraceDays</c> after the re-issue (the time in its
    /// mark), which removes the previous copies the re-issue left beside each reference.
    /// </summary>
    private PlannedAction Retire(string target, TokenRecord token, Finding finding, string newId, DateTimeOffset reissuedAt, DateTimeOffset now)
    {
        var retireAt = reissuedAt.AddDays(_settings.GraceDays);
        return Base(target, token, finding) with
        {
            Action = KnownActions.Deactivate,
            Message = $"re-issued as {newId}: the old token is retired {_settings.GraceDays} day(s) after the re-issue",
            FirstSeen = reissuedAt,
            DueAt = retireAt,
            State = retireAt <= now ? ActionStates.Due : ActionStates.Pending,
            ReissuedAs = newId,
            References = token.References.Where(reference => ReissueFlow.IsPreviousCopy(reference.Location) && Rewritable(reference.Source))
                .Select(reference => new PlannedReference(reference.Source, PlaceOf(reference), reference.Fingerprint, Rewrite: true))
                .Distinct().ToList(),
        };
    }

    /// <summary>A re-issue: the new token for the service user and every reference it will be written to, or why not.</summary>
    private PlannedAction Reissue(
        string target, TokenRecord token, Finding finding, DateTimeOffset opened, DateTimeOffset now, IReadOnlyDictionary<string, ServiceUserCheck>? serviceUsers)
    {
        var references = token.References;
        var dueAt = opened.AddDays(_settings.GraceDays);
        var planned = Base(target, token, finding) with
        {
            Action = ReissueFlow.Action,
            FirstSeen = opened,
            DueAt = dueAt,
            State = dueAt <= now ? ActionStates.Due : ActionStates.Pending,
            References = references.Where(reference => !ReissueFlow.IsPreviousCopy(reference.Location))
                .Select(reference => Rewritable(reference.Source)
                    ? new PlannedReference(reference.Source, PlaceOf(reference), reference.Fingerprint, Rewrite: reference.Fingerprint is not null,
                        reference.Fingerprint is null ? "no value was read there" : null)
                    : new PlannedReference(reference.Source, reference.Location, reference.Fingerprint, Rewrite: false, NotRewrittenBecause(reference.Source)))
                .Distinct().ToList(),
        };

        if (serviceUsers is null)
        {
            // The worker's plan: the re-issue is shown (due or pending), made from a reviewed plan only (no new token here).
            return planned;
        }

        var check = serviceUsers.GetValueOrDefault(target);
        var refused = check is null ? $"target '{target}': the service user was not looked up"
            : check.Problem is not null ? check.Problem
            : token.ScopeId is null ? "the token belongs to no organization"
            : token.OwnerId == check.User!.Id ? $"the token is already the service user's ('{check.User.Name}')"
            : NamesItsOwner(token) ? $"its permissions name its owner (users/{token.OwnerId}{(token.Kind == "all-access" ? ", an all-access token" : string.Empty)}): the same permissions for the service user would reach '{token.OwnerName ?? token.OwnerId}'; create a narrower token for the service user instead"
            : planned.References!.Count(reference => reference.Rewrite) == 0
                ? "no reference to rewrite holds it: tokengov would have nowhere to put the new value (configure the file or Kubernetes reference sources that hold it, or deactivate it instead)"
            : null;
        if (refused is not null || check?.User is not { } user)
        {
            return planned with { State = ActionStates.Refused, Reason = refused };
        }

        return planned with
        {
            NewToken = new PlannedToken
            {
                ServiceUserId = user.Id,
                ServiceUserName = user.Name,
                OrgId = token.ScopeId!,
                Description = ReissueFlow.NewDescription(token.Description, token.Id),
                Permissions = [.. token.Permissions],
            },
        };
    }

    private static PlannedAction Base(string target, TokenRecord token, Finding finding) => new()
    {
        Target = target,
        TokenId = token.Id,
        Fingerprint = token.Fingerprint,
        Description = token.Description,
        Owner = token.OwnerName ?? token.OwnerId,
        UpdatedAt = token.UpdatedAt,
        PermissionsDigest = PermissionsDigest.Of(token.Permissions),
        Action = KnownActions.Deactivate,
        Rule = finding.Rule.Id,
        Message = finding.Message,
        FirstSeen = default,
        DueAt = default,
        State = ActionStates.Pending,
    };

    /// <summary>A permission on the owner's own user (every all-access token has one): not something to hand to the service user.</summary>
    private static bool NamesItsOwner(TokenRecord token) =>
        token.OwnerId is { } owner && token.Permissions.Any(permission => permission.ResourceType == "users" && permission.ResourceId == owner);

    /// <summary>The sources a re-issue can write to: files and Kubernetes Secrets.</summary>
    public static bool Rewritable(string source) => source is Model.ReferenceSources.File or Model.ReferenceSources.KubernetesSecret;

    /// <summary>A file reference's path without its line (<c>path:line</c>); a Secret's <c>namespace/name#key</c> as it is.</summary>
    private static string PlaceOf(TokenReferenceRecord reference) =>
        reference.Source == Model.ReferenceSources.File && reference.Location.LastIndexOf(':') is var colon and > 0
            && int.TryParse(reference.Location.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? reference.Location[..colon]
            : reference.Location;

    private static string NotRewrittenBecause(string source) => source switch
    {
        Model.ReferenceSources.KubernetesConfigMap => "a ConfigMap is not rewritten (a token belongs in a Secret): move it there, then re-plan",
        Model.ReferenceSources.Inventory => "an inventory entry: update it where it is kept",
        _ => $"tokengov does not write to {source} references",
    };

    /// <summary>Why a target's due actions are too many to take, or null: the caps hold for the whole target.</summary>
    public string? CapProblem(string target, int due, int tokens)
    {
        if (due > _settings.MaxActionsPerTarget)
        {
            return $"target '{target}' would have {due} due actions, more than Remediation:MaxActionsPerTarget ({_settings.MaxActionsPerTarget})";
        }

        var percent = tokens == 0 ? 0 : due * 100.0 / tokens;
        return percent > _settings.MaxPercentPerTarget
            ? string.Create(CultureInfo.InvariantCulture, $"target '{target}' would have {due} due actions, {percent:0.#} % of its {tokens} tokens, more than Remediation:MaxPercentPerTarget ({_settings.MaxPercentPerTarget} %)")
            : null;
    }

    public RemediationAction ActionFor(string ruleId) =>
        _settings.Rules.TryGetValue(ruleId, out var action) ? Choices.Parse(action, RemediationAction.None) : RemediationAction.None;

    /// <summary>The targets (name, URL) and the remediation settings, hashed: a plan only applies with the configuration it was made with.</summary>
    public static string ConfigDigest(TokenGovernanceOptions options)
    {
        var settings = options.Remediation;
        var text = new StringBuilder();
        foreach (var target in options.Targets.OrderBy(target => target.Name, StringComparer.Ordinal))
        {
            text.Append("target ").Append(target.Name).Append(' ').Append(target.Url).Append('\n');
            if (settings.ServiceUserFor(target) is { } serviceUser)
            {
                // Added only when set, so plans made before re-issue existed still apply.
                text.Append("service-user ").Append(target.Name).Append(' ').Append(serviceUser).Append('\n');
            }
        }

        foreach (var (rule, action) in settings.Rules.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append("rule ").Append(rule.ToUpperInvariant()).Append(' ').Append(action.Trim().ToLowerInvariant()).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"grace {settings.GraceDays} max {settings.MaxActionsPerTarget} percent {settings.MaxPercentPerTarget}\n");
        if (settings.RestartWorkloads)
        {
            text.Append("restart-workloads\n");
        }

        text.Append("protect ").AppendJoin(',', settings.Protect.TokenIds).Append(';').AppendJoin(',', settings.Protect.Users).Append(';').AppendJoin(',', settings.Protect.DescriptionPatterns);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
