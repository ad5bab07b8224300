namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>
/// Tests that start whole worker hosts (Kestrel, Quartz, OpenTelemetry) run one at a time: on two cores, parallel
/// hosts with one-second schedules starve each other's timers and make timing assertions meaningless.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WorkerHostCollection
{
    public const string Name = "Worker hosts";
}
