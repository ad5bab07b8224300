using System.Text.RegularExpressions;
using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.InfluxV3;

/// <summary>
/// Reads the <c>permissions</c> column: <c>*:*:*</c> (admin), else one or more <c>TYPE:NAMES:ACTIONS</c> with comma
/// lists (<c>db:db1,db2:read,write</c>, <c>db:*:*</c>, <c>system:health,metrics:read</c>), joined by spaces, semicolons
/// or commas as the server prints them. Text it cannot read is malformed: the read fails, nothing is guessed.
/// </summary>
internal static partial class V3Permissions
{
    public const string Admin = "*:*:*";

    /// <summary>The database actions the server parses (influxdb3_authz/src/permissions.rs); <c>*</c> is all of them.</summary>
    private static readonly string[] DatabaseActions = ["create", "describe", "read", "write", "delete"];

    [GeneratedRegex(@"\G[\s,;]*(?<type>db|system|\*):(?<names>[^:\s;]+):(?<actions>[^:\s;]+?)(?=[\s,;]+(?:db|system|\*):|[\s,;]*$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Group();

    public static bool IsAdmin(string? text) => string.Equals(text?.Trim(), Admin, StringComparison.Ordinal);

    /// <summary>The permissions, or null when the text is not in the server's format.</summary>
    public static List<Permission>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (IsAdmin(text))
        {
            return [new Permission { Action = "read", ResourceType = "*" }, new Permission { Action = "write", ResourceType = "*" }];
        }

        var permissions = new List<Permission>();
        var at = 0;
        foreach (Match group in Group().Matches(text))
        {
            if (group.Index != at && text[at..group.Index].Trim(' ', ',', ';').Length > 0)
            {
                return null;
            }

            at = group.Index + group.Length;
            var type = group.Groups["type"].Value;
            var actions = group.Groups["actions"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var name in group.Groups["names"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                foreach (var action in actions.SelectMany(action => action == "*" ? (type == "db" ? DatabaseActions : ["read"]) : [action]))
                {
                    permissions.Add(type switch
                    {
                        "db" => Permission.OnDatabase(action, name),
                        "system" when name == "*" => new Permission { Action = action, ResourceType = "system" },
                        "system" => new Permission { Action = action, ResourceType = "system", ResourceId = name, ResourceName = name },
                        _ => new Permission { Action = action, ResourceType = "*" },
                    });
                }
            }
        }

        return at == 0 || text[at..].Trim(' ', ',', ';').Length > 0 ? null : permissions;
    }
}
