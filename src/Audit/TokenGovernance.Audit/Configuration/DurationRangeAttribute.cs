using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace TokenGovernance.Audit.Configuration;

/// <summary>
/// The range a duration setting must fall in, for an options type's source-generated validator
/// (<c>[OptionsValidator]</c>), worded as every range problem is (<see cref="OptionBounds"/>): the message names the
/// setting by its full configuration path (<paramref name="section"/> and the property), not the property alone.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DurationRangeAttribute(string section, string minimum, string maximum) : ValidationAttribute
{
    private readonly TimeSpan _minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
    private readonly TimeSpan _maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    /// <summary>Zero or less is <c>must be positive</c> (the wording kept since before the bounds).</summary>
    public bool Positive { get; set; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not TimeSpan duration)
        {
            return ValidationResult.Success;
        }

        var problems = new List<string>();
        var path = section + ":" + validationContext.MemberName;
        if (Positive)
        {
            OptionBounds.CheckPositive(path, duration, _minimum, _maximum, problems);
        }
        else
        {
            OptionBounds.Check(path, duration, _minimum, _maximum, problems);
        }

        // No member names: the options builder would prefix them ("Retention: ..."), and the path is in the message.
        return problems.Count == 0 ? ValidationResult.Success : new ValidationResult(problems[0]);
    }
}
