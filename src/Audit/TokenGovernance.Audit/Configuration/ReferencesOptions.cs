namespace TokenGovernance.Audit.Configuration;

/// <summary><c>TokenGovernance:References</c>: where tokens are still used, and how their state is learned.</summary>
public sealed class ReferencesOptions
{
    public List<FileSourceOptions> Files { get; set; } = [];

    public KubernetesSourceOptions Kubernetes { get; set; } = new();

    /// <summary>JSON file of declared references: <c>[{"name", "authorizationId", "location"}]</c> (e.g. exported from a vault or CMDB).</summary>
    public string? Inventory { get; set; }

    /// <summary>The target the inventory belongs to; may be left out when only one target is configured.</summary>
    public string? InventoryTarget { get; set; }

    /// <summary>Learn the state of an unmatched value with one read-only <c>GET /api/v2/me</c> using it.</summary>
    public bool Probe { get; set; } = true;

    public int MaxProbes { get; set; } = 500;

    public double ProbesPerSecond { get; set; } = 20;

    public bool IsConfigured => Files.Count > 0 || Kubernetes.Enabled || !string.IsNullOrWhiteSpace(Inventory);
}

public sealed class FileSourceOptions
{
    /// <summary>A file or a folder.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Glob patterns relative to <see cref="Path"/>; all files when empty.</summary>
    public List<string> Include { get; set; } = [];

    /// <summary><c>plain</c> (a config file: a token in it is TG2013) or <c>secret</c> (a secret store mount).</summary>
    public string Kind { get; set; } = "plain";

    /// <summary>A <c>plain</c> source holds values in plain text (TG2013); a <c>secret</c> one is a mounted secret.</summary>
    public bool IsPlaintext => Choices.Parse(Kind, FileSourceKind.Plain) == FileSourceKind.Plain;

    public string? Target { get; set; }
}

public sealed class KubernetesSourceOptions
{
    public bool Enabled { get; set; }

    public List<string> Namespaces { get; set; } = [];

    public string LabelSelector { get; set; } = string.Empty;

    public bool Secrets { get; set; } = true;

    public bool ConfigMaps { get; set; } = true;

    public string? Target { get; set; }

    /// <summary>A kubeconfig file; empty means in-cluster configuration, else <c>KUBECONFIG</c> or <c>~/.kube/config</c>.</summary>
    public string? Kubeconfig { get; set; }
}
