using System.Security.Cryptography;
using System.Text;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// What a token may do, as 16 hex digits: SHA-256 over its permissions (action, type, scope id, resource id), sorted,
/// so that the plan can tell whether a token's permissions changed between plan and apply without copying them.
/// </summary>
public static class PermissionsDigest
{
    public static string Of(IEnumerable<PermissionRecord> permissions) =>
        Of(permissions.Select(permission => (permission.Action, permission.ResourceType, permission.ScopeId, permission.ResourceId)));

    public static string Of(IEnumerable<Permission> permissions) =>
        Of(permissions.Select(permission => (permission.Action, permission.ResourceType, permission.ScopeId, permission.ResourceId)));

    private static string Of(IEnumerable<(string Action, string Type, string? Scope, string? Resource)> permissions)
    {
        var canonical = string.Join('\n', permissions.Select(permission => $"{permission.Action} {permission.Type} {permission.Scope ?? "*"} {permission.Resource ?? "*"}").Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }
}
