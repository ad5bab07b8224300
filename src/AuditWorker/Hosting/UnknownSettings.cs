using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>
/// Every configuration key under a section that the options type has no place for, with its full path
/// (<c>TokenGovernance:Targets:0:Tokn</c>): the binder itself only says that binding failed, and for a key inside
/// an array element not even which. The shape of the options comes from source-generated JSON metadata
/// (<see cref="OptionsShape"/>), not reflection: it holds in the Native AOT binary too. A target also takes the keys
/// of the product plug-ins' settings (single values: <c>AccountId</c>, <c>Flavor</c>, …), which its options type
/// does not hold.
/// </summary>
public static class UnknownSettings
{
    private static readonly IReadOnlySet<string> Empty = new HashSet<string>();

    /// <summary>
    /// Unknown keys under <paramref name="section"/>; <paramref name="sections"/> are the sub-sections other options
    /// types bind from the same section (the worker's <c>Scheduler</c>, <c>History</c>, <c>Http</c>).
    /// </summary>
    public static List<string> Find(IConfigurationSection section, Type optionsType, IReadOnlySet<string>? productKeys = null, IReadOnlyDictionary<string, Type>? sections = null)
    {
        var unknown = new List<string>();
        Walk(section, ShapeOf(optionsType), productKeys ?? Empty, unknown, misshapen: null, sections);
        return unknown;
    }

    /// <summary>
    /// Each key holding a single value where the options take a list or a section (<c>"Orgs": "acme"</c>), or an
    /// object where they take a list (<c>"Orgs": {"a": "acme"}</c>), as
    /// "path: what it takes", never the value (it may be a token pasted into the wrong key). The source-generated
    /// binder skips such a value silently (a target would read every org instead of one): this is checked before binding.
    /// </summary>
    public static List<string> FindMisshapen(IConfigurationSection section, Type optionsType, IReadOnlySet<string>? productKeys = null, IReadOnlyDictionary<string, Type>? sections = null)
    {
        var misshapen = new List<string>();
        Walk(section, ShapeOf(optionsType), productKeys ?? Empty, unknown: null, misshapen, sections);
        return misshapen;
    }

    private static JsonTypeInfo ShapeOf(Type optionsType) => OptionsShape.Default.GetTypeInfo(optionsType)
        ?? throw new ArgumentException($"{optionsType.Name} is not an options type of {nameof(OptionsShape)}", nameof(optionsType));

    private static void Walk(
        IConfigurationSection section, JsonTypeInfo type, IReadOnlySet<string> productKeys, List<string>? unknown, List<string>? misshapen, IReadOnlyDictionary<string, Type>? sections = null)
    {
        // A JSON object where a list belongs ("Orgs": {"a": "acme"}) has keys that are no index: the binder skips
        // them silently, as it does a single value.
        if (misshapen is not null && type.Kind == JsonTypeInfoKind.Enumerable && section.GetChildren().Any(child => !int.TryParse(child.Key, out _)))
        {
            misshapen.Add($"{section.Path}: takes a list (a JSON array), not a section (a JSON object)");
            return;
        }

        foreach (var child in section.GetChildren())
        {
            var childType = type.Type == typeof(TargetOptions) && productKeys.Contains(child.Key)
                ? type.Options.GetTypeInfo(typeof(string))
                : sections is not null && sections.TryGetValue(child.Key, out var sectionType)
                    ? ShapeOf(sectionType)
                    : ChildType(type, child.Key);
            if (childType is null)
            {
                unknown?.Add(child.Path);
            }
            else if (child.GetChildren().Any())
            {
                Walk(child, childType, productKeys, unknown, misshapen);
            }
            else if (!string.IsNullOrEmpty(child.Value) && childType.Kind != JsonTypeInfoKind.None)
            {
                misshapen?.Add($"{child.Path}: takes {(childType.Kind == JsonTypeInfoKind.Enumerable ? "a list (a JSON array)" : "a section (a JSON object)")}, not a single value");
            }
        }
    }

    /// <summary>The shape a child key binds to, or null when the type has no such member (a leaf has none at all).</summary>
    private static JsonTypeInfo? ChildType(JsonTypeInfo type, string key)
    {
        var childType = type.Kind switch
        {
            JsonTypeInfoKind.Dictionary => type.ElementType,
            JsonTypeInfoKind.Enumerable => int.TryParse(key, out _) ? type.ElementType : null,
            JsonTypeInfoKind.Object => type.Properties.FirstOrDefault(property => string.Equals(property.Name, key, StringComparison.OrdinalIgnoreCase) && property.Get is not null)?.PropertyType,
            _ => null,
        };
        return childType is null ? null : type.Options.GetTypeInfo(childType);
    }
}

/// <summary>
/// The shape of the options graph: property names and types, for <see cref="UnknownSettings"/> only. Metadata only:
/// nothing serializes options, so no serialization code is generated for them.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(TokenGovernanceOptions))]
[JsonSerializable(typeof(Persistence.SchedulerOptions))]
[JsonSerializable(typeof(Persistence.HistoryOptions))]
[JsonSerializable(typeof(Authentication.HttpEndpointOptions))]
internal sealed partial class OptionsShape : JsonSerializerContext;
