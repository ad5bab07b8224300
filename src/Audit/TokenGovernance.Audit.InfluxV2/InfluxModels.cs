using System.Text.Json.Serialization;

namespace TokenGovernance.Audit.InfluxV2;

// DTOs of the InfluxDB v2 API (shared/influxdb-api/openapi/contracts/oss.yml): Authorization, Permission,
// Resource, UserResponse, Organization. Only the fields the audit reads; unknown fields are skipped.

internal sealed class InfluxAuthorization
{
    public string Id { get; set; } = string.Empty;

    /// <summary>Never the raw value: the converter keeps whether it was visible and its fingerprint only.</summary>
    [JsonConverter(typeof(TokenValueJsonConverter))]
    public Audit.Model.TokenValue Token { get; set; }

    [JsonConverter(typeof(StringPoolJsonConverter))]
    public string Status { get; set; } = "active";

    public string? Description { get; set; }

    [JsonPropertyName("orgID")]
    [JsonConverter(typeof(StringPoolJsonConverter))]
    public string? OrgId { get; set; }

    [JsonConverter(typeof(StringPoolJsonConverter))]
    public string? Org { get; set; }

    [JsonPropertyName("userID")]
    [JsonConverter(typeof(StringPoolJsonConverter))]
    public string? UserId { get; set; }

    [JsonConverter(typeof(StringPoolJsonConverter))]
    public string? User { get; set; }

    public List<InfluxPermission> Permissions { get; set; } = [];

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonIgnore]
    public bool IsActive => string.Equals(Status, "active", StringComparison.Ordinal);
}

internal sealed class InfluxPermission
{
    [JsonConverter(typeof(StringPoolJsonConverter))]
    public string Action { get; set; } = string.Empty;

    public InfluxResource Resource { get; set; } = new();

    [JsonIgnore]
    public bool IsWrite => string.Equals(Action, "write", StringComparison.Ordinal);

    [JsonIgnore]
    public bool IsRead => string.Equals(Action, "read", StringComparison.Ordinal);
}

internal sealed class InfluxResource
{
    [JsonConverter(typeof(StringPoolJsonConverter))]
    public string Type { get; set; } = string.Empty;

    [JsonConverter(typeof(StringPoolJsonConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("orgID")]
    [JsonConverter(typeof(StringPoolJsonConverter))]
    public string? OrgId { get; set; }

    [JsonConverter(typeof(StringPoolJsonConverter))]
    public string? Name { get; set; }

    [JsonConverter(typeof(StringPoolJsonConverter))]
    public string? Org { get; set; }
}

internal sealed class InfluxUser
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Status { get; set; }

    public string? Role { get; set; }

    [JsonIgnore]
    public bool IsInactive => string.Equals(Status, "inactive", StringComparison.Ordinal);
}

internal sealed class InfluxOrganization
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;
}

internal sealed class InfluxAuthorizationList
{
    /// <summary>Required: a body without the list is malformed, never an empty result.</summary>
    [JsonRequired]
    public List<InfluxAuthorization> Authorizations { get; set; } = [];
}

internal sealed class InfluxUserList
{
    /// <summary>Required: a body without the list is malformed, never an empty result.</summary>
    [JsonRequired]
    public List<InfluxUser> Users { get; set; } = [];
}

internal sealed class InfluxOrganizationList
{
    /// <summary>Required: a body without the list is malformed, never an empty result.</summary>
    [JsonRequired]
    public List<InfluxOrganization> Orgs { get; set; } = [];
}

internal sealed class InfluxError
{
    public string? Code { get; set; }

    public string? Message { get; set; }
}

/// <summary>The body of <c>PATCH /api/v2/authorizations/{id}</c> (AuthorizationUpdateRequest): what is not set is not sent.</summary>
internal sealed class InfluxAuthorizationUpdate
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; set; }
}

/// <summary>The body of <c>POST /api/v2/authorizations</c> (AuthorizationPostRequest) for another user.</summary>
internal sealed class InfluxAuthorizationCreate
{
    [JsonPropertyName("orgID")]
    public required string OrgId { get; init; }

    [JsonPropertyName("userID")]
    public required string UserId { get; init; }

    public required string Description { get; init; }

    public string Status { get; init; } = "active";

    public required List<InfluxPermissionRequest> Permissions { get; init; }
}

internal sealed class InfluxPermissionRequest
{
    public required string Action { get; init; }

    public required InfluxResourceRequest Resource { get; init; }
}

internal sealed class InfluxResourceRequest
{
    public required string Type { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonPropertyName("orgID")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OrgId { get; init; }
}

/// <summary>The answer to a create: the one time the server shows the value, which goes straight into a <see cref="Remediation.TokenSecret"/>.</summary>
internal sealed class InfluxCreatedAuthorization
{
    public string Id { get; set; } = string.Empty;

    [JsonConverter(typeof(TokenSecretJsonConverter))]
    public Remediation.TokenSecret? Token { get; set; }

    [JsonPropertyName("userID")]
    public string? UserId { get; set; }
}
