using System.Collections;
using System.Reflection;

namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>
/// Every configuration key under a section that the options type has no place for, with its full path
/// (<c>TokenGovernance:Targets:0:Tokn</c>): the binder itself only says that binding failed, and for a key inside
/// an array element not even which.
/// </summary>
public static class UnknownSettings
{
    public static List<string> Find(IConfigurationSection section, Type optionsType)
    {
        var unknown = new List<string>();
        Walk(section, optionsType, unknown);
        return unknown;
    }

    private static void Walk(IConfigurationSection section, Type type, List<string> unknown)
    {
        foreach (var child in section.GetChildren())
        {
            var childType = ChildType(type, child.Key);
            if (childType is null)
            {
                unknown.Add(child.Path);
            }
            else if (child.GetChildren().Any())
            {
                Walk(child, childType, unknown);
            }
        }
    }

    /// <summary>The type a child key binds to, or null when the type has no such member (a leaf has none at all).</summary>
    private static Type? ChildType(Type type, string key)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsLeaf(type))
        {
            return null;
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            return valueType;
        }

        if (ElementType(type) is { } elementType)
        {
            return int.TryParse(key, out _) ? elementType : null;
        }

        var property = type.GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanRead: true } ? property.PropertyType : null;
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Uri) || type == typeof(Guid);

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            ? type.GetGenericArguments()[1]
            : null;

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;
}
