using System.Globalization;
using System.Text;

namespace TokenGovernance.Audit.Listing.Writers;

/// <summary>
/// <c>--format csv</c>: RFC 4180 (CRLF, quotes doubled, a header row), one row per token, for spreadsheets. A cell that a
/// spreadsheet would run as a formula (it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a CR) gets a leading
/// <c>'</c>, as OWASP advises: a description is server text and may be written by anyone who can create a token.
/// Control characters (escape sequences, a bell, line breaks, bidi overrides) are written as visible escapes
/// (<see cref="Safety.TerminalText"/>): a CSV is printed to terminals too, and one row stays one line.
/// </summary>
public sealed class TokenCsvWriter : ITokenListWriter
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "target", "product", "id", "description", "owner_id", "owner_name", "owner_kind", "owner_status", "scope_id", "scope_name",
        "kind", "status", "access", "permissions", "permission_list", "created_at", "updated_at", "expires_at", "created_by",
        "value_visibility", "fingerprint", "findings", "references",
    ];

    public string Format => "csv";

    public async Task WriteAsync(TokenListing listing, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        var row = new StringBuilder(512);
        await writer.WriteLineAsync(string.Join(',', Columns));
        foreach (var token in listing.Tokens)
        {
            row.Clear();
            Cells(row, token);
            await writer.WriteLineAsync(row, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static void Cells(StringBuilder row, TokenRecord token)
    {
        string?[] cells =
        [
            token.Target, token.Product, token.Id, token.Description, token.OwnerId, token.OwnerName, token.OwnerKind, token.OwnerStatus,
            token.ScopeId, token.ScopeName, token.Kind, token.Status, token.Access, PermissionSummary.Of(token.Permissions),
            string.Join("; ", token.Permissions.Select(Permission)), Time(token.CreatedAt), Time(token.UpdatedAt), Time(token.ExpiresAt),
            token.CreatedBy, token.ValueVisibility, token.Fingerprint, string.Join(' ', (token.Findings ?? []).Select(finding => finding.RuleId).Distinct()),
            string.Join("; ", token.References.Select(reference => $"{reference.Source}:{reference.Location} ({reference.State})")),
        ];
        for (var index = 0; index < cells.Length; index++)
        {
            if (index > 0)
            {
                row.Append(',');
            }

            Append(row, cells[index]);
        }
    }

    /// <summary><c>write buckets orgName/bucketName</c>: action, type, then the scope and the resource where set.</summary>
    private static string Permission(PermissionRecord permission)
    {
        var scope = permission.ScopeName ?? permission.ScopeId;
        var resource = permission.ResourceName ?? permission.ResourceId;
        var where = (scope, resource) switch
        {
            (null, null) => "*",
            (_, null) => scope + "/*",
            (null, _) => resource,
            _ => scope + "/" + resource,
        };
        return $"{permission.Action} {permission.ResourceType} {where}";
    }

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    internal static void Append(StringBuilder row, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        value = Safety.TerminalText.Escape(value);
        var formula = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        var quote = formula || value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!quote)
        {
            row.Append(value);
            return;
        }

        row.Append('"');
        if (formula)
        {
            row.Append('\'');
        }

        row.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
