using System.Globalization;

namespace TokenGovernance.Audit.Configuration;

/// <summary>
/// The ranges every number and duration option must fall in, checked at start so that an absurd value is one clear
/// line naming its key instead of an overflow, a library's internal option name or a crash at the first audit.
/// </summary>
public static class OptionBounds
{
    public static void Check(string path, TimeSpan value, TimeSpan minimum, TimeSpan maximum, List<string> problems)
    {
        if (value < minimum || value > maximum)
        {
            problems.Add($"{path} '{value}' is out of range: it must be from {Show(minimum)} to {Show(maximum)}");
        }
    }

    public static void Check(string path, long value, long minimum, long maximum, List<string> problems)
    {
        if (value < minimum || value > maximum)
        {
            problems.Add($"{path} '{value}' is out of range: it must be from {minimum} to {maximum}");
        }
    }

    public static void Check(string path, double value, double minimum, double maximum, List<string> problems)
    {
        if (double.IsNaN(value) || value < minimum || value > maximum)
        {
            problems.Add($"{path} '{value.ToString(CultureInfo.InvariantCulture)}' is out of range: it must be from "
                         + $"{minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>
    /// A duration that must be positive and within the range: <c>must be positive</c> for zero or less (the wording
    /// kept since before the bounds), else the range check.
    /// </summary>
    public static void CheckPositive(string path, TimeSpan value, TimeSpan minimum, TimeSpan maximum, List<string> problems)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{path} must be positive");
        }
        else
        {
            Check(path, value, minimum, maximum, problems);
        }
    }

    /// <summary>A count that must be at least 1 and at most <paramref name="maximum"/> (<c>must be at least 1</c> below it).</summary>
    public static void CheckAtLeastOne(string path, long value, long maximum, List<string> problems)
    {
        if (value < 1)
        {
            problems.Add($"{path} must be at least 1");
        }
        else
        {
            Check(path, value, 1, maximum, problems);
        }
    }

    private static string Show(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
