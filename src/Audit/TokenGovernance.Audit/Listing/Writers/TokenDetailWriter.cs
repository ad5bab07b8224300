using System.Globalization;
using System.Text;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Listing.Writers;

/// <summary><c>tokengov tokens show ID</c> as text: one token whole, a labelled line per field, then its permissions, findings and references.</summary>
public static class TokenDetailWriter
{
    public static async Task WriteAsync(TokenRecord token, DateTimeOffset now, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        async Task Field(string label, string? value) =>
            await writer.WriteLineAsync($"{label,-12}{TerminalText.Escape(value ?? "-")}".AsMemory(), cancellationToken);

        await Field("Token", token.Id);
        await Field("Target", $"{token.Target} ({token.Product})");
        if (token.Name is not null)
        {
            await Field("Name", token.Name);
        }

        await Field("Description", token.Description);
        await Field("Owner", token.OwnerId is null ? "none" : $"{token.OwnerName ?? "?"} ({token.OwnerId}): {token.OwnerKind}, {token.OwnerStatus}");
        await Field("Scope", token.ScopeId is null ? null : $"{token.ScopeName ?? "?"} ({token.ScopeId})");
        await Field("Kind", token.Kind);
        await Field("Status", token.Status);
        await Field("Access", token.Access);
        await Field("Created", Time(token.CreatedAt, now) + (token.CreatedBy is null ? string.Empty : $" by token {token.CreatedBy}"));
        await Field("Updated", Time(token.UpdatedAt, now));
        await Field("Expires", token.ExpiresAt is null ? "never" : Time(token.ExpiresAt, now));
        await Field("Value", token.Fingerprint is null ? $"not shown by the server ({token.ValueVisibility})" : $"fingerprint {token.Fingerprint}");

        await writer.WriteLineAsync($"{Environment.NewLine}Permissions ({token.Permissions.Count})");
        foreach (var permission in token.Permissions)
        {
            var scope = permission.ScopeId is null ? "every org" : $"org {permission.ScopeName ?? "?"} ({permission.ScopeId})";
            var resource = permission.ResourceId is null ? $"every {permission.ResourceType}" : $"{permission.ResourceType} {permission.ResourceName ?? "?"} ({permission.ResourceId})";
            await writer.WriteLineAsync($"  {permission.Action,-6}{TerminalText.Escape(resource)} in {TerminalText.Escape(scope)}");
        }

        var findings = token.Findings ?? [];
        await writer.WriteLineAsync($"{Environment.NewLine}Findings ({findings.Count})");
        foreach (var finding in findings)
        {
            var open = finding.FirstSeen is { } firstSeen ? $", open since {Time(firstSeen, now)}" : string.Empty;
            await writer.WriteLineAsync($"  {finding.RuleId} {finding.Severity}{open}: {TerminalText.Escape(finding.Message)}");
            if (finding.Exemption is { } exemption)
            {
                var until = exemption.Expires is null ? string.Empty : $" until {exemption.Expires}";
                await writer.WriteLineAsync($"    exempted{until}: {TerminalText.Escape(exemption.Reason)}{(exemption.Owner is null ? string.Empty : " (" + TerminalText.Escape(exemption.Owner) + ")")}");
            }
        }

        await writer.WriteLineAsync($"{Environment.NewLine}References ({token.References.Count})");
        foreach (var reference in token.References)
        {
            await writer.WriteLineAsync($"  {reference.State,-11}{TerminalText.Escape(reference.Source)} {TerminalText.Escape(reference.Location)}");
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Time(DateTimeOffset? time, DateTimeOffset now)
    {
        if (time is not { } known)
        {
            return "-";
        }

        var when = known.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        return known > now ? $"{when} (in {TableText.Age(now, known)})" : $"{when} ({TableText.Age(known, now)} ago)";
    }
}
