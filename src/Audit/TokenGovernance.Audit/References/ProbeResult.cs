namespace TokenGovernance.Audit.References;

public enum ProbeOutcome
{
    /// <summary>200: the token works.</summary>
    Works,

    /// <summary>401 <c>token is inactive</c>.</summary>
    TokenInactive,

    /// <summary>401 <c>unauthorized access</c>: deleted or never valid.</summary>
    Unknown,

    /// <summary>403 <c>User is inactive</c>: the owner is inactive or deleted.</summary>
    OwnerGone,

    /// <summary>The probe itself failed (server error, timeout); the state stays unknown to us.</summary>
    Failed,
}

public sealed record ProbeResult(ProbeOutcome Outcome, string? UserId, string? Error);

/// <summary>Asks a target whether a found token value works, without ever letting the value out (one per product kind).</summary>
public interface ITokenProbe
{
    Task<ProbeResult> ProbeAsync(string value, CancellationToken cancellationToken);
}
