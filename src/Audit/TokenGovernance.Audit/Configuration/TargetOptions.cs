namespace TokenGovernance.Audit.Configuration;

/// <summary>One InfluxDB instance to audit.</summary>
public sealed class TargetOptions
{
    public const string DefaultTokenEnvironmentVariable = "INFLUX_TOKEN";

    private readonly Dictionary<Type, object> _productSettings = [];

    public string Name { get; set; } = string.Empty;

    /// <summary>Which product the target is: a word a registered plug-in reads (<c>Products.ProductCatalog</c>); none is the default product.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Base URL, e.g. <c>https://influx.example.com</c> (the product's client appends its API paths).</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>File that holds the audit token (preferred: a mounted secret). Read at every audit, so rotation needs no restart.</summary>
    public string? TokenFile { get; set; }

    /// <summary>Environment variable with the audit token, used when <see cref="TokenFile"/> is not set.</summary>
    public string? TokenEnv { get; set; }

    /// <summary>Organization names to audit; empty means all that the token sees.</summary>
    public List<string> Orgs { get; set; } = [];

    /// <summary>
    /// The generic (service) user that <c>reissue</c> creates this target's new tokens for, by name or id; defaults to
    /// <see cref="RemediationOptions.ServiceUser"/>. It must exist and be active (checked when the plan is made).
    /// </summary>
    public string? ServiceUser { get; set; }

    /// <summary>Cron expression overriding <see cref="TokenGovernanceOptions.Schedule"/> for this target.</summary>
    public string? Schedule { get; set; }

    /// <summary>PEM file with the CA certificates that sign the server's certificate (private CAs).</summary>
    public string? CaBundleFile { get; set; }

    public string EffectiveTokenEnv => string.IsNullOrWhiteSpace(TokenEnv) ? DefaultTokenEnvironmentVariable : TokenEnv;

    /// <summary>
    /// The settings a product plug-in owns on this target (keys of the target's own section, bound to the plug-in's
    /// settings type when the options are configured); the type's defaults when none were bound. A method, not a
    /// property: the configuration binder leaves it alone.
    /// </summary>
    public T ProductSettings<T>()
        where T : class, new() =>
        _productSettings.TryGetValue(typeof(T), out var settings) ? (T)settings : new T();

    /// <summary>Keeps a plug-in's bound settings (see <see cref="ProductSettings{T}"/>).</summary>
    public void SetProductSettings(object settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _productSettings[settings.GetType()] = settings;
    }
}
