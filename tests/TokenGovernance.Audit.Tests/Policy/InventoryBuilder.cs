using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Tests.Policy;

/// <summary>An inventory in memory, as any product reader would produce it: the rules' input without HTTP.</summary>
internal sealed class InventoryBuilder
{
    private readonly Dictionary<string, Principal> _principals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);
    private readonly List<Token> _tokens = [];
    private int _nextId = 1;

    public ProductCapabilities Capabilities { get; set; } = new(HasOwners: true, HasStatus: true, HasExpiry: false, FillsScopeNames: true, HasOrgs: true);

    public Scope Scope { get; } = new("0000000000000a01", "acme");

    public Principal User(string name, PrincipalStatus status = PrincipalStatus.Active)
    {
        var principal = new Principal { Id = NextId(), Name = name, Status = status };
        _principals[principal.Id] = principal;
        return principal;
    }

    public string DeletedUser()
    {
        var id = NextId();
        _deleted.Add(id);
        return id;
    }

    public Token Token(string? ownerId, string description, TokenKind kind = TokenKind.Custom, TokenStatus status = TokenStatus.Active, params Permission[] permissions)
    {
        var token = new Token
        {
            Id = NextId(),
            Description = description,
            OwnerId = ownerId,
            ScopeId = Scope.Id,
            ScopeName = Scope.Name,
            Kind = kind,
            Status = status,
            Permissions = permissions,
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-10),
            UpdatedAt = DateTimeOffset.UtcNow.AddDays(-10),
        };
        _tokens.Add(token);
        return token;
    }

    public Permission WriteBucket(string bucket) => new()
    {
        Action = "write", ResourceType = "buckets", ScopeId = Scope.Id, ScopeName = Scope.Name, ResourceId = bucket, ResourceName = "telemetry",
    };

    public TargetInventory Build(Principal? auditPrincipal = null) => new()
    {
        TargetName = "memory",
        Product = "memory",
        Capabilities = Capabilities,
        Scopes = [Scope],
        PrincipalsById = _principals,
        DeletedPrincipalIds = _deleted,
        Tokens = _tokens,
        AuditPrincipal = auditPrincipal,
        ListedPrincipalCount = _principals.Count,
    };

    private string NextId() => (_nextId++).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
