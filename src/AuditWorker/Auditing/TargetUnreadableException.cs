namespace TokenGovernance.AuditWorker.Auditing;

/// <summary>The target answered, but not with what the configuration asks for (an organization it does not show).</summary>
public sealed class TargetUnreadableException(string message) : Exception(message);
