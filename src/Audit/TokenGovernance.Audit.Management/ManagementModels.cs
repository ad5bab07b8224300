using System.Text.Json.Serialization;

namespace TokenGovernance.Audit.Management;

/// <summary>
/// A database token as <c>GET …/tokens</c> lists it (GetDatabaseTokens in the Dedicated and Clustered management
/// OpenAPI files). The value (<c>accessToken</c>) is only ever in a create response; the audit never reads one.
/// </summary>
internal sealed class DatabaseToken
{
    public string? Id { get; set; }

    public string? Description { get; set; }

    public List<DatabaseTokenPermission>? Permissions { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class DatabaseTokenPermission
{
    /// <summary><c>read</c> or <c>write</c>.</summary>
    public string? Action { get; set; }

    /// <summary>A database name, or <c>*</c> for every database.</summary>
    public string? Resource { get; set; }
}

/// <summary>The management API's error body: <c>{"code": 401, "message": "unauthorized"}</c>.</summary>
internal sealed class ManagementError
{
    public int? Code { get; set; }

    public string? Message { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(List<DatabaseToken>))]
[JsonSerializable(typeof(ManagementError))]
internal sealed partial class ManagementJsonContext : JsonSerializerContext;
