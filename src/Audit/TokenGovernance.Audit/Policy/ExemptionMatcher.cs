using System.Globalization;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.Policy;

/// <summary>Finds the exemption that covers a finding: same rule, and the exact authorization id or user name.</summary>
public sealed class ExemptionMatcher(IReadOnlyList<ExemptionOptions> exemptions)
{
    public IReadOnlyList<ExemptionOptions> Expired(DateTimeOffset now) =>
        exemptions.Where(exemption => IsExpired(exemption, now)).ToList();

    public ExemptionOptions? Find(string ruleId, string? authorizationId, string? user, DateTimeOffset now) =>
        exemptions.Count == 0 ? null : exemptions.FirstOrDefault(exemption =>
            string.Equals(exemption.Rule, ruleId, StringComparison.OrdinalIgnoreCase)
            && !IsExpired(exemption, now)
            && ((exemption.AuthorizationId is not null && exemption.AuthorizationId == authorizationId)
                || (exemption.User is not null && exemption.User == user)));

    /// <summary>An exemption holds through the whole day of its <c>Expires</c> date (UTC).</summary>
    public static bool IsExpired(ExemptionOptions exemption, DateTimeOffset now) =>
        TryParseExpiry(exemption.Expires, out var expires) && DateOnly.FromDateTime(now.UtcDateTime) > expires;

    public static bool TryParseExpiry(string? text, out DateOnly date)
    {
        date = default;
        return !string.IsNullOrWhiteSpace(text)
            && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
