namespace TokenGovernance.AuditWorker.Results;

/// <summary>
/// Which run an audit result belongs to. <see cref="RunId"/> makes storing it idempotent (a retried write is not a
/// second run); the Quartz fire instance and scheduled fire time say which schedule slot it filled.
/// </summary>
public sealed record AuditRun(Guid RunId, string InstanceId, string? FireInstanceId, DateTimeOffset? ScheduledFireTime)
{
    public static AuditRun Unscheduled(string instanceId) => new(Guid.CreateVersion7(), instanceId, null, null);
}
