using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary><c>TokenGovernance:History</c>: the findings history (first seen, last seen, resolved).</summary>
public sealed class HistoryOptions
{
    public const string Section = TokenGovernanceOptions.SectionName + ":History";

    /// <summary>Resolved findings (and superseded audit runs) older than this are deleted.</summary>
    [DurationRange(Section, "01:00:00", "3660.00:00:00", Positive = true)]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(180);
}

/// <summary>The ranges of <see cref="HistoryOptions"/> (source-generated).</summary>
[OptionsValidator]
public sealed partial class HistoryOptionsValidator : IValidateOptions<HistoryOptions>;
