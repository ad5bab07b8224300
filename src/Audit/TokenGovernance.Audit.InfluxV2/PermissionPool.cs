using System.Runtime.CompilerServices;
using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>
/// One <see cref="Permission"/> per distinct set of field strings within a read; not thread-safe (a read maps its list
/// in order). The reader pools the strings it parses, so equal values are the same instances: the pool compares and
/// hashes by reference, which is cheap; two equal strings that are different instances only cost a second object.
/// </summary>
public sealed class PermissionPool
{
    private readonly Dictionary<Key, Permission> _pool = new(KeyComparer.Instance);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Permission Get(string action, string type, string? scopeId, string? scopeName, string? resourceId, string? resourceName)
    {
        var key = new Key(action, type, scopeId, scopeName, resourceId, resourceName);
        if (!_pool.TryGetValue(key, out var permission))
        {
            permission = new Permission { Action = action, ResourceType = type, ScopeId = scopeId, ScopeName = scopeName, ResourceId = resourceId, ResourceName = resourceName };
            _pool[key] = permission;
        }

        return permission;
    }

    private readonly record struct Key(string Action, string Type, string? ScopeId, string? ScopeName, string? ResourceId, string? ResourceName);

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key first, Key second) =>
            ReferenceEquals(first.Action, second.Action) && ReferenceEquals(first.Type, second.Type)
            && ReferenceEquals(first.ScopeId, second.ScopeId) && ReferenceEquals(first.ScopeName, second.ScopeName)
            && ReferenceEquals(first.ResourceId, second.ResourceId) && ReferenceEquals(first.ResourceName, second.ResourceName);

        public int GetHashCode(Key key) => HashCode.Combine(
            RuntimeHelpers.GetHashCode(key.Action), RuntimeHelpers.GetHashCode(key.Type), Identity(key.ScopeId),
            Identity(key.ScopeName), Identity(key.ResourceId), Identity(key.ResourceName));

        private static int Identity(string? value) => value is null ? 0 : RuntimeHelpers.GetHashCode(value);
    }
}
