namespace TokenGovernance.Audit.References;

internal static partial class ReferenceLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Reference source of {Target} failed: {Error}")]
    public static partial void ReferenceSourceFailed(this ILogger logger, string target, string error);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Reference probes of {Target} reached MaxProbes ({MaxProbes}); further values stay unresolved in this run")]
    public static partial void ProbeCapReached(this ILogger logger, string target, int maxProbes);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "References of {Target} hold token values that cannot be matched: {Product} exposes neither values nor hashes and takes no probe; declare the token id (annotation tokengovernance.io/authorization-id or the inventory) to match them")]
    public static partial void ValuesNotMatchable(this ILogger logger, string target, string product);
}
