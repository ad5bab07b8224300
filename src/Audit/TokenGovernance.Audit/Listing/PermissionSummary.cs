using System.Text;

namespace TokenGovernance.Audit.Listing;

/// <summary>
/// A permission set in a few words for one table cell: <c>write buckets/telemetry, read *</c>. Actions with the same
/// resources share them (<c>read/write buckets/telemetry</c>); a resource type on every resource (org- or instance-wide)
/// is its name alone (<c>buckets</c>), and an action on five or more whole types is <c>*</c>.
/// </summary>
public static class PermissionSummary
{
    private const int WholeTypesForStar = 5;

    public static string Of(IReadOnlyList<PermissionRecord> permissions)
    {
        if (permissions.Count == 0)
        {
            return "(none)";
        }

        var byAction = new List<(string Action, List<string> Resources)>();
        foreach (var group in permissions.GroupBy(permission => permission.Action, StringComparer.Ordinal).OrderBy(group => ActionOrder(group.Key)))
        {
            byAction.Add((group.Key, Resources(group.ToList())));
        }

        var text = new StringBuilder();
        var written = new HashSet<int>();
        for (var index = 0; index < byAction.Count; index++)
        {
            if (written.Contains(index))
            {
                continue;
            }

            var actions = new List<string> { byAction[index].Action };
            for (var other = index + 1; other < byAction.Count; other++)
            {
                if (byAction[other].Resources.SequenceEqual(byAction[index].Resources, StringComparer.Ordinal))
                {
                    actions.Add(byAction[other].Action);
                    written.Add(other);
                }
            }

            if (text.Length > 0)
            {
                text.Append(", ");
            }

            // "read/write" as people say it, when both reach the same resources.
            text.Append(string.Join('/', actions.OrderBy(action => action switch { "read" => 0, "write" => 1, _ => 2 })))
                .Append(' ').Append(string.Join(' ', byAction[index].Resources));
        }

        return text.ToString();
    }

    /// <summary>Write first: what a token can change matters more than what it can see.</summary>
    private static int ActionOrder(string action) => action switch { "write" => 0, "read" => 1, _ => 2 };

    private static List<string> Resources(List<PermissionRecord> permissions)
    {
        var wholeTypes = permissions.Where(permission => permission.ResourceId is null || permission.ResourceType == "*")
            .Select(permission => permission.ResourceType).Distinct(StringComparer.Ordinal).ToList();
        var star = wholeTypes.Contains("*") || wholeTypes.Count >= WholeTypesForStar;
        var resources = new List<string>();
        if (star)
        {
            resources.Add("*");
        }
        else
        {
            resources.AddRange(wholeTypes.Order(StringComparer.Ordinal));
        }

        foreach (var permission in permissions)
        {
            if (permission.ResourceId is null || star || wholeTypes.Contains(permission.ResourceType))
            {
                continue;
            }

            var resource = $"{permission.ResourceType}/{permission.ResourceName ?? permission.ResourceId}";
            if (!resources.Contains(resource))
            {
                resources.Add(resource);
            }
        }

        return resources;
    }
}
