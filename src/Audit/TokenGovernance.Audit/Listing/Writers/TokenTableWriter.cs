using System.Text;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Listing.Writers;

/// <summary>
/// The default format: one line per token (target, id, description, owner and its state, status, age, what it can do,
/// its findings), columns as wide as their widest cell up to a cap, then a line that says how many were listed and
/// whether every target was read.
/// </summary>
public sealed class TokenTableWriter : ITokenListWriter
{
    private static readonly string[] Headers = ["TARGET", "ID", "DESCRIPTION", "OWNER", "STATUS", "AGE", "PERMISSIONS", "FINDINGS"];
    private static readonly int[] Caps = [20, 36, 32, 28, 8, 5, 48, 40];

    public string Format => "table";

    public async Task WriteAsync(TokenListing listing, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
        var rows = listing.Tokens.Select(token => Row(token, listing.GeneratedAt)).ToList();
        var widths = Headers.Select((header, column) => Math.Min(Caps[column], Math.Max(header.Length, rows.Count == 0 ? 0 : rows.Max(row => row[column].Length)))).ToArray();
        var line = new StringBuilder(256);
        if (rows.Count > 0)
        {
            await writer.WriteLineAsync(Line(line, Headers, widths), cancellationToken);
            foreach (var row in rows)
            {
                await writer.WriteLineAsync(Line(line, row, widths), cancellationToken);
            }

            await writer.WriteLineAsync();
        }

        var read = listing.Targets.Where(target => target.Error is null).ToList();
        await writer.WriteLineAsync(rows.Count == 0
            ? $"No tokens match ({read.Sum(target => target.TokensRead)} read on {read.Count} target(s))."
            : $"{rows.Count} token(s) listed, of {read.Sum(target => target.TokensRead)} read on {read.Count} target(s).");
        foreach (var target in listing.Targets)
        {
            if (target.Error is not null)
            {
                await writer.WriteLineAsync("INCOMPLETE: " + TerminalText.Escape(target.Error) + ": its tokens are not listed.");
            }

            foreach (var error in target.ReferenceErrors)
            {
                await writer.WriteLineAsync("INCOMPLETE: a reference source failed: " + TerminalText.Escape(error));
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string[] Row(TokenRecord token, DateTimeOffset now) =>
    [
        token.Target, token.Id, (string.IsNullOrEmpty(token.Description) ? token.Name : token.Description) ?? string.Empty, TableText.Owner(token), token.Status, TableText.Age(token.CreatedAt, now),
        PermissionSummary.Of(token.Permissions),
        string.Join(' ', (token.Findings ?? []).Where(finding => !finding.Suppressed).Select(finding => finding.RuleId).Distinct()),
    ];

    private static StringBuilder Line(StringBuilder line, string[] cells, int[] widths)
    {
        line.Clear();
        for (var column = 0; column < cells.Length; column++)
        {
            var cell = TableText.Cell(cells[column], widths[column]);
            line.Append(cell);
            if (column < cells.Length - 1)
            {
                line.Append(' ', widths[column] - cell.Length + 2);
            }
        }

        // An empty last cell (no findings) leaves no trailing blanks.
        while (line.Length > 0 && line[^1] == ' ')
        {
            line.Length--;
        }

        return line;
    }
}
