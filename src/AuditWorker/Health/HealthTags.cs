namespace TokenGovernance.AuditWorker.Health;

/// <summary>The tags of the worker's health checks: each component tags its own check; <c>/readyz</c> runs the <see cref="Ready"/> ones.</summary>
public static class HealthTags
{
    public const string Ready = "ready";
}
