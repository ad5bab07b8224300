using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Products;

namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// When a rule's action is <c>reissue</c>: the service user of each target whose product re-issues tokens, as its server
/// knows it, looked up when the plan is made (it must exist and be active), so a plan never promises a re-issue to a
/// user that is not there.
/// </summary>
public sealed class ServiceUserLookup(IEnumerable<ITokenActions> products, ProductCatalog catalog, IOptions<TokenGovernanceOptions> options)
{
    public async Task<Dictionary<string, ServiceUserCheck>> LookUpAsync(IEnumerable<TargetOptions> targets, CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, ServiceUserCheck>(StringComparer.Ordinal);
        var remediation = options.Value.Remediation;
        if (!remediation.Rules.Values.Any(action => Choices.Parse(action, RemediationAction.None) == RemediationAction.Reissue))
        {
            return checks;
        }

        foreach (var target in targets.Where(target => catalog.ChangesTokens(target.Kind)))
        {
            checks[target.Name] = await CheckAsync(target, remediation.ServiceUserFor(target), cancellationToken);
        }

        return checks;
    }

    private async Task<ServiceUserCheck> CheckAsync(TargetOptions target, string? serviceUser, CancellationToken cancellationToken)
    {
        if (serviceUser is null)
        {
            return new ServiceUserCheck(null, $"target '{target.Name}' has no ServiceUser (nor Remediation:ServiceUser)");
        }

        if (products.FirstOrDefault(product => product.CanAct(target)) is not { } actions)
        {
            return new ServiceUserCheck(null, $"target '{target.Name}': tokengov cannot change tokens of this product");
        }

        try
        {
            var session = await actions.OpenAsync(target, cancellationToken);
            var user = await session.FindUserAsync(serviceUser, cancellationToken);
            return user is null ? new ServiceUserCheck(null, $"the service user '{serviceUser}' does not exist on target '{target.Name}' (or the audit token cannot see it)")
                : user.Status != Model.PrincipalStatus.Active ? new ServiceUserCheck(null, $"the service user '{user.Name}' on target '{target.Name}' is {user.Status.ToString().ToLowerInvariant()}: a token created for it would not work")
                : new ServiceUserCheck(user, null);
        }
        catch (Exception exception) when (exception is TargetReadException or TokenUnavailableException)
        {
            return new ServiceUserCheck(null, $"target '{target.Name}': the service user '{serviceUser}' could not be looked up: {exception.Message}");
        }
    }
}
